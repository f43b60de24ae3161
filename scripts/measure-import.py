#!/usr/bin/env python3
"""Measures `suplab-cli import` on a corpus of real supervision modules.

Usage: scripts/measure-import.py CORPUS_DIR [SUPLAB_CLI] [--list]

CORPUS_DIR holds files/NNN_*.ex (real modules, kept outside this repository: they are
other people's code) and expected/NNN_*.json, each the tree written down by hand:
{"children": [{"id": "MyApp.Repo", "literal": true, "conditional": false}, ...]} in start
order, with id "?" for a child whose id is decided at run time; an atom id may be written
as Elixir shows it (":warmup"), a scenario writes it without the colon. A placeholder the
import gives for a list computed at run time (its note starts "stands for children
computed at run time") is not a child of the key's. Prints, over the corpus:
the import's exit statuses, crashes, the share of literally written children found with
their id, and the share of modules whose children come out exactly (ids in order, "?"
matching any id). --list prints each file's result too.
"""
import json
import os
import subprocess
import sys


COMPUTED = "stands for children computed at run time"


def root_children(scenario):
    root = scenario.get("root") or {}
    return [c.get("id") for c in root.get("children", [])
            if not c.get("note", "").startswith(COMPUTED)]


def scenario_id(key_id):
    """A key's id as a scenario writes it: a plain atom loses its colon."""
    if key_id.startswith(":") and key_id[1:].replace("_", "a").isalnum():
        return key_id[1:]
    return key_id


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    listing = "--list" in sys.argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    corpus = args[0]
    cli = args[1] if len(args) > 1 else "build/dev/bin/suplab-cli"
    expected_dir = os.path.join(corpus, "expected")
    statuses, crashes = {}, []
    literal_total = literal_found = exact = modules = 0
    for name in sorted(os.listdir(expected_dir)):
        if not name.endswith(".json"):
            continue
        key = json.load(open(os.path.join(expected_dir, name)))
        source = os.path.join(corpus, "files", name[:-5] + ".ex")
        if not os.path.exists(source):
            source = source[:-3] + ".exs"
        if not os.path.exists(source):
            continue
        modules += 1
        try:
            run = subprocess.run([cli, "import", source, "--to", "scenario"],
                                 capture_output=True, text=True, timeout=30)
            status = run.returncode
        except subprocess.TimeoutExpired:
            status = "timeout"
        statuses[status] = statuses.get(status, 0) + 1
        got = []
        if status in (0, 3):
            try:
                got = root_children(json.loads(run.stdout))
            except ValueError:
                got = []
        elif status not in (2,):
            crashes.append(name)
        want = [scenario_id(c["id"]) for c in key.get("children", [])]
        literal = [scenario_id(c["id"]) for c in key.get("children", [])
                   if c.get("literal") and c["id"] != "?"]
        pool = list(got)
        found = 0
        for i in literal:
            if i in pool:
                pool.remove(i)
                found += 1
        literal_total += len(literal)
        literal_found += found
        same = len(got) == len(want) and all(w == "?" or w == g for w, g in zip(want, got))
        exact += same
        if listing:
            print(f"{name}: status {status}, literal {found}/{len(literal)}, "
                  f"{'exact' if same else 'differs'}")
    print(f"modules: {modules}")
    print("exit statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str)))
    print(f"crashes: {len(crashes)} {' '.join(crashes)}")
    share = 100.0 * literal_found / literal_total if literal_total else 0.0
    print(f"literal children found: {literal_found} of {literal_total} ({share:.1f} %)")
    print(f"modules exactly right: {exact} of {modules} ({100.0 * exact / max(modules, 1):.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
