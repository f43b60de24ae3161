#!/usr/bin/env python3
"""Holds `suplab-cli analyze` to real Elixir/OTP on the lesson scenarios and on the
dependency-finding trees.

    oracle/check-analysis.py [SUPLAB_CLI] [--part lessons|findings|all] [--only TEXT]
                             [--write tests/data/analysis_otp.json]
                             [--write-findings tests/data/analysis_otp_findings.json]

Lessons: for every resources/scenarios/0*.json it runs `suplab-cli analyze FILE
--format json`, then plays on OTP (oracle/run.sh, with "start_on_second"), for every
process but the root:

- blast radius: one fault at 1050 ms (a worker crashes with `boom`, a supervisor is
  killed); every path with a `down` line is OTP's radius, compared as a set with
  SupLab's `blast_radius.crash` (worker) or `.kill` (supervisor), restarted + stopped;
- give-up point, where `gives_up_at` is a number > 0: T = round(1000 / gives_up_at) ms,
  faults every floor(0.95 T) ms (Tlow) and every ceil(1.05 T) ms (Thigh), the first at
  1050 ms, max_restarts + 3 of them. OTP must write `give_up SUPERVISOR` at Tlow and
  not at Thigh; `suplab-cli run` on the same two scenarios must say the same.

The reference runner now plays `uses` and `call_ms` as SupLab does (oracle/README.md).
A difference is still shown as "explained by uses" when SupLab, given the same tree
without `uses`, says what OTP said (a check made before the runner knew `uses`).

Findings: for every tests/data/analysis_findings/*.json and every (worker, dependency)
pair of its `uses`, one fault of the dependency at 1050 ms (as above), settling 1.5 s:

- the worker must go `down WORKER noproc` after the fault on OTP exactly when SupLab
  reports a finding for the pair whose text says it crashes (`suplab-cli run` on the
  same scenario must say the same);
- for every finding, the tree its `fix` describes ("place X before Y", "make SUP
  STRATEGY"), applied here, with the same fault: OTP must show no noproc of the worker
  after the fault when `fix_checked` is true (and `suplab-cli run` the same).

Exit status 1 on any other difference, 2 on bad usage or a failed tool.

With --write, OTP's lesson answers go to a JSON list for the C++ tests: {"scenario",
"path", "radius" (sorted, when measured), "period_gives_up_ms" / "period_holds_ms" (when
OTP showed it)}. With --write-findings, one entry per (worker, dependency) pair:
{"scenario", "worker", "uses", "crashes_on_otp", "fix_holds_on_otp" (null without a
finding)}.
"""
import argparse
import copy
import glob
import json
import math
import os
import re
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


# --- the dependency findings -----------------------------------------------------

FINDINGS_DIR = "tests/data/analysis_findings"
STRATEGIES = ("one_for_one", "rest_for_one", "one_for_all")


def parent_of(path):
    return path.rsplit("/", 1)[0]


def node_at(root, path):
    return next(n for p, n, _ in walk(root) if p == path)


def apply_fix(root, worker, fix):
    """The tree `fix` describes, or None when the text says nothing this understands.
    "place X before Y": X moves to just before its sibling Y (siblings of the worker);
    "make SUP STRATEGY": that supervisor (by path) takes the strategy."""
    root = copy.deepcopy(root)
    parent = node_at(root, parent_of(worker))
    ids = [c["id"] for c in parent["children"]]
    changed = False
    place = re.search(r"\bplace (\S+) before (\S+)", fix)
    if place:
        moved, anchor = place.group(1), place.group(2)
        if moved not in ids or anchor not in ids:
            return None
        children = parent["children"]
        child = children.pop(ids.index(moved))
        children.insert([c["id"] for c in children].index(anchor), child)
        changed = True
    make = re.search(r"\bmake (\S+) (%s)\b" % "|".join(STRATEGIES), fix)
    if make:
        sup = next((n for p, n, _ in walk(root) if p == make.group(1)), None)
        if sup is None or sup.get("type") != "supervisor":
            return None
        sup["strategy"] = make.group(2)
        changed = True
    return root if changed else None


def noproc_after_fault(trace, worker, dependency):
    """Did the worker go down with noproc after the dependency first went down?"""
    fault = next((i for i, line in enumerate(trace) if line.startswith(f"down {dependency} ")), None)
    return fault is not None and f"down {worker} noproc" in trace[fault + 1:]


def check_findings_file(cli, file, rel, report, answers):
    print(f"{rel}:", file=sys.stderr, flush=True)
    source = json.load(open(file))
    root = strip_keys(source["root"], ["mtbf_ms"])
    analysis = analyze(cli, file)
    name = os.path.basename(file)
    crash_word = lambda b: "noproc" if b else "no noproc"

    for worker, node, parent in walk(root):
        for dep_id in node.get("uses", []):
            dependency = parent + "/" + dep_id
            pair = f"{worker[len(parent) + 1:]} -> {dep_id}"
            found = [f for f in analysis[worker]["findings"] if f["uses"] == dependency]
            steps = [fault_step(dependency, node_at(root, dependency), FAULT_AT_MS)]
            doc = scenario(f"{dependency} fails once", root, steps)
            otp = noproc_after_fault(otp_trace(doc), worker, dependency)
            run = noproc_after_fault(suplab_trace(cli, doc), worker, dependency)
            says = any("crashes" in f["text"] for f in found)
            claim = ", ".join(f["kind"] for f in found) or "no finding"
            verdict = "yes" if says == otp and run == otp else "NO"
            report.add(name, pair, f"{dep_id} {'crashes' if steps[0]['do'] == 'crash' else 'is killed'} once",
                       f"{claim}: {crash_word(says)}; run {crash_word(run)}", crash_word(otp), verdict)
            entry = {"scenario": rel, "worker": worker, "uses": dependency,
                     "crashes_on_otp": otp, "fix_holds_on_otp": None}

            holds_all = []
            for f in found:
                fixed = apply_fix(root, worker, f["fix"])
                check = f"fix: {f['fix'].split(' (')[0]}"
                if fixed is None:
                    report.add(name, pair, check, "fix_checked " + str(f["fix_checked"]).lower(),
                               "fix not understood", "NO")
                    continue
                fixed_doc = scenario(f"{dependency} fails once, fixed", fixed, steps)
                holds = not noproc_after_fault(otp_trace(fixed_doc), worker, dependency)
                run_holds = not noproc_after_fault(suplab_trace(cli, fixed_doc), worker, dependency)
                word = lambda b: "holds" if b else "noproc"
                verdict = "yes" if f["fix_checked"] == holds and run_holds == holds else "NO"
                report.add(name, pair, check, f"fix_checked {str(f['fix_checked']).lower()}; run {word(run_holds)}",
                           word(holds), verdict)
                holds_all.append(holds)
            if holds_all:
                entry["fix_holds_on_otp"] = all(holds_all)
            answers.append(entry)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cli", nargs="?", default=os.path.join(REPO, "build/dev/bin/suplab-cli"),
                        metavar="SUPLAB_CLI")
    parser.add_argument("--part", choices=("lessons", "findings", "all"), default="all",
                        help="the lesson checks, the findings checks, or both (the default)")
    parser.add_argument("--write", metavar="FILE", help="write OTP's lesson answers as JSON here")
    parser.add_argument("--write-findings", metavar="FILE", help="write OTP's findings answers as JSON here")
    parser.add_argument("--only", metavar="TEXT", default="", help="only the scenario files whose name has TEXT")
    args = parser.parse_args()
    if not os.access(args.cli, os.X_OK):
        die(f"{args.cli} is not an executable")

    began = time.monotonic()
    report, answers, findings_answers = Report(), [], []
    parts = [("lessons", "resources/scenarios/0*.json", check_file, answers),
             ("findings", FINDINGS_DIR + "/*.json", check_findings_file, findings_answers)]
    for part, pattern, check, into in parts:
        if args.part not in (part, "all"):
            continue
        for file in sorted(glob.glob(os.path.join(REPO, pattern))):
            if args.only not in os.path.basename(file):
                continue
            check(args.cli, file, os.path.relpath(file, REPO), report, into)

    report.print_table()
    verdicts = [r[5] for r in report.rows]
    explained = sum(v.startswith("no, explained") for v in verdicts)
    wrong = verdicts.count("NO")
    print(f"\n{len(verdicts)} checks: {verdicts.count('yes')} agree, {explained} differ because of uses, "
          f"{wrong} disagree ({time.monotonic() - began:.0f} s)")

    for path, data in ((args.write, answers), (args.write_findings, findings_answers)):
        if path:
            with open(path, "w") as out:
                json.dump(data, out, indent=2)
                out.write("\n")
            print(f"wrote {path}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
