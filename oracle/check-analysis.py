#!/usr/bin/env python3
"""Holds `suplab-cli analyze` to real Elixir/OTP on the lesson scenarios.

    oracle/check-analysis.py [SUPLAB_CLI] [--write tests/data/analysis_otp.json] [--only TEXT]

For every resources/scenarios/0*.json it runs `suplab-cli analyze FILE --format json`,
then plays on OTP (oracle/run.sh, with "start_on_second"), for every process but the
root:

- blast radius: one fault at 1050 ms (a worker crashes with `boom`, a supervisor is
  killed); every path with a `down` line is OTP's radius, compared as a set with
  SupLab's `blast_radius.crash` (worker) or `.kill` (supervisor), restarted + stopped;
- give-up point, where `gives_up_at` is a number > 0: T = round(1000 / gives_up_at) ms,
  faults every floor(0.95 T) ms (Tlow) and every ceil(1.05 T) ms (Thigh), the first at
  1050 ms, max_restarts + 3 of them. OTP must write `give_up SUPERVISOR` at Tlow and
  not at Thigh; `suplab-cli run` on the same two scenarios must say the same.

The reference runner ignores `uses` (a SupLab-only key). A difference is "explained by
uses" only when SupLab, given the same tree without `uses`, says what OTP said; it is
still shown. Exit status 1 on any other difference, 2 on bad usage or a failed tool.

With --write, OTP's answers go to a JSON list for the C++ tests: {"scenario", "path",
"radius" (sorted, when measured), "period_gives_up_ms" / "period_holds_ms" (when OTP
showed it)}.
"""
import argparse
import copy
import glob
import json
import math
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
FAULT_AT_MS = 1050
SETTLE_MS = 1500


def die(message):
    print("check-analysis: " + message, file=sys.stderr)
    sys.exit(2)


# --- the tree ---------------------------------------------------------------------

def walk(node, parent=None):
    """(path, node, parent path) for every node, in tree order."""
    path = node["id"] if parent is None else parent + "/" + node["id"]
    yield path, node, parent
    for child in node.get("children", []):
        yield from walk(child, path)


def strip_keys(node, keys):
    node = copy.deepcopy(node)
    for _, n, _ in walk(node):
        for k in keys:
            n.pop(k, None)
    return node


def is_worker(node):
    return node.get("type", "worker") == "worker"


def has_uses(root):
    return any(n.get("uses") for _, n, _ in walk(root))


def settle_ms(root):
    pauses = sum(n.get("init_ms", 0) + n.get("stop_ms", 0) for _, n, _ in walk(root))
    return SETTLE_MS + 2 * pauses


def fault_step(path, node, at_ms):
    if is_worker(node):
        return {"at_ms": at_ms, "do": "crash", "target": path, "reason": "boom"}
    return {"at_ms": at_ms, "do": "kill", "target": path}


def scenario(name, root, steps):
    return {"name": name, "root": root, "script": steps, "stop_at_end": False,
            "settle_ms": settle_ms(root), "start_on_second": True}


# --- the tools --------------------------------------------------------------------

def run_tool(argv, timeout):
    done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    return done.returncode, done.stdout, done.stderr


def with_file(doc, fn):
    fd, name = tempfile.mkstemp(suffix=".json", prefix="check-analysis-")
    try:
        with os.fdopen(fd, "w") as out:
            json.dump(doc, out, indent=1)
        return fn(name)
    finally:
        os.unlink(name)


def analyze(cli, file):
    rc, out, err = run_tool([cli, "analyze", file, "--format", "json"], 600)
    if rc != 0:
        die(f"suplab-cli analyze {file} failed ({rc}): {err.strip()[:300]}")
    return {p["path"]: p for p in json.loads(out)["processes"]}


def otp_trace(doc):
    def play(name):
        rc, out, err = run_tool([os.path.join(HERE, "run.sh"), name], 300)
        if rc != 0:
            die(f"oracle/run.sh failed ({rc}): {err.strip()[:300]}")
        return out.splitlines()
    return with_file(doc, play)


def suplab_trace(cli, doc):
    doc = {k: v for k, v in doc.items() if k != "start_on_second"}  # SupLab's loader refuses it

    def play(name):
        rc, out, err = run_tool([cli, "run", name, "--clock", "virtual", "--trace", "conformance"], 300)
        if rc != 0:
            die(f"suplab-cli run failed ({rc}): {err.strip()[:300]}")
        return out.splitlines()
    return with_file(doc, play)


def downs(trace):
    return sorted({line.split(" ")[1] for line in trace if line.startswith("down ")})


def gave_up(trace, sup):
    return ("give_up " + sup) in trace


# --- the checks -------------------------------------------------------------------

class Report:
    def __init__(self):
        self.rows = []  # (file, process, check, suplab, otp, verdict)

    def add(self, file, path, check, suplab, otp, verdict):
        self.rows.append((file, path, check, suplab, otp, verdict))
        print(f"  {path}  {check}: SupLab {suplab} | OTP {otp} -> {verdict}", file=sys.stderr, flush=True)

    def print_table(self):
        head = ("file", "process", "check", "SupLab", "OTP", "agree?")
        widths = [max(len(str(r[i])) for r in self.rows + [head]) for i in range(6)]
        for r in [head, tuple("-" * w for w in widths)] + self.rows:
            print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())


def radius_of(process, kind):
    r = process["blast_radius"][kind]
    return sorted(set(r["restarted"]) | set(r["stopped"]))


def show(paths, root_path):
    """A radius, with the paths shortened below the root for the table."""
    short = [p[len(root_path) + 1:] if p.startswith(root_path + "/") else p for p in paths]
    return "{" + ",".join(short) + "}"


def gives_up_every(rate, every):
    """What a `gives_up_at` figure says of faults every `every` ms."""
    if rate is None:
        return False
    return rate == 0 or every <= round(1000 / rate)


def gives_up_by_rule(period, count, max_restarts, max_seconds):
    """Would faults every `period` ms from FAULT_AT_MS exceed the intensity, with OTP's
    whole-second stamps and restarts taking no time?"""
    stamps = [(FAULT_AT_MS + k * period) // 1000 for k in range(count)]
    n = max_restarts + 1
    return any(stamps[i + n - 1] - stamps[i] <= max_seconds for i in range(count - n + 1))


def check_file(cli, file, rel, report, answers):
    print(f"{rel}:", file=sys.stderr, flush=True)
    source = json.load(open(file))
    root = strip_keys(source["root"], ["mtbf_ms"])
    root_path = root["id"]
    nodes = {path: (node, parent) for path, node, parent in list(walk(root))}
    analysis = analyze(cli, file)
    uses = has_uses(root)
    no_uses_root = strip_keys(root, ["uses", "call_ms"]) if uses else None
    no_uses = {}

    def analysis_without_uses():
        if not no_uses:
            no_uses.update(with_file({"name": "without uses", "root": no_uses_root},
                                     lambda name: analyze(cli, name)))
        return no_uses

    name = os.path.basename(file)
    for path, (node, parent) in nodes.items():
        if parent is None:
            continue
        entry = {"scenario": rel, "path": path}
        process = analysis[path]

        # Blast radius: one fault.
        kind = "crash" if is_worker(node) else "kill"
        steps = [fault_step(path, node, FAULT_AT_MS)]
        otp = downs(otp_trace(scenario(f"radius of {path}", root, steps)))
        ours = radius_of(process, kind)
        if ours == otp:
            verdict = "yes"
        elif uses and radius_of(analysis_without_uses()[path], kind) == otp:
            verdict = "no, explained by uses"
        else:
            verdict = "NO"
        report.add(name, path, f"{kind} radius", show(ours, root_path), show(otp, root_path), verdict)
        entry["radius"] = otp

        # Give-up point.
        rate = process["gives_up_at"]
        if isinstance(rate, (int, float)) and not isinstance(rate, bool) and rate > 0:
            sup = nodes[parent][0]
            max_restarts, max_seconds = sup.get("max_restarts", 3), sup.get("max_seconds", 5)
            period = round(1000 / rate)
            low, high = math.floor(0.95 * period), math.ceil(1.05 * period)
            # max_restarts + 3 faults, or more if their whole-second stamps do not exceed
            # the intensity at Tlow (never with the lesson trees). When no count does, one
            # restart a fault cannot give up at that period (SupLab's figure then counts
            # more restarts a fault, from `uses`): keep R + 3 and say so.
            count = max_restarts + 3
            enough = next((n for n in range(count, count + 50)
                           if gives_up_by_rule(low, n, max_restarts, max_seconds)), None)
            if enough is None:
                print(f"  {path}: faults every {low} ms, one restart each, cannot exceed "
                      f"{max_restarts} restarts in {max_seconds} s", file=sys.stderr)
            else:
                count = enough
            for label, every, expect in (("gives up", low, True), ("holds", high, False)):
                steps = [fault_step(path, node, FAULT_AT_MS + k * every) for k in range(count)]
                doc = scenario(f"{path} every {every} ms", root, steps)
                otp_up = gave_up(otp_trace(doc), parent)
                run_up = gave_up(suplab_trace(cli, doc), parent)
                word = lambda b: "give_up" if b else "holds"
                suplab = f"analysis {word(expect)}, run {word(run_up)}"
                if expect == otp_up and run_up == otp_up:
                    verdict = "yes"
                elif uses and otp_up == gave_up(suplab_trace(cli, dict(doc, root=no_uses_root)), parent) \
                        and otp_up == gives_up_every(analysis_without_uses()[path]["gives_up_at"], every):
                    verdict = "no, explained by uses"
                else:
                    verdict = "NO"
                check = f"{count} {kind}{'es' if kind == 'crash' else 's'} every {every} ms (T={period})"
                report.add(name, path, check, suplab, word(otp_up), verdict)
                if otp_up == expect:
                    entry["period_gives_up_ms" if expect else "period_holds_ms"] = every
        answers.append(entry)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cli", nargs="?", default=os.path.join(REPO, "build/dev/bin/suplab-cli"),
                        metavar="SUPLAB_CLI")
    parser.add_argument("--write", metavar="FILE", help="write OTP's answers as JSON here")
    parser.add_argument("--only", metavar="TEXT", default="", help="only the scenario files whose name has TEXT")
    args = parser.parse_args()
    if not os.access(args.cli, os.X_OK):
        die(f"{args.cli} is not an executable")

    began = time.monotonic()
    report, answers = Report(), []
    for file in sorted(glob.glob(os.path.join(REPO, "resources/scenarios/0*.json"))):
        if args.only not in os.path.basename(file):
            continue
        check_file(args.cli, file, os.path.relpath(file, REPO), report, answers)

    report.print_table()
    verdicts = [r[5] for r in report.rows]
    explained = sum(v.startswith("no, explained") for v in verdicts)
    wrong = verdicts.count("NO")
    print(f"\n{len(verdicts)} checks: {verdicts.count('yes')} agree, {explained} differ because of uses, "
          f"{wrong} disagree ({time.monotonic() - began:.0f} s)")

    if args.write:
        with open(args.write, "w") as out:
            json.dump(answers, out, indent=2)
            out.write("\n")
        print(f"wrote {args.write}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
