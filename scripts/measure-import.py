#!/usr/bin/env python3
"""Measures `suplab-cli import` on a corpus of real supervision modules.

Usage: scripts/measure-import.py CORPUS_DIR [SUPLAB_CLI] [--list] [--projects DIR]

CORPUS_DIR holds files/NNN_*.ex (real modules, kept outside this repository: they are
other people's code) and expected/NNN_*.json, each the tree written down by hand:
{"children": [{"id": "MyApp.Repo", "literal": true, "conditional": false}, ...]} in start
order, with id "?" for a child whose id is decided at run time; an atom id may be written
as Elixir shows it (":warmup"), a scenario writes it without the colon. A placeholder the
import gives for a list computed at run time (its note starts "stands for children
computed at run time") matches a "?" of the key's or nothing, as keys write such a list
either way. Prints, over the corpus:
the import's exit statuses, crashes, the share of literally written children found with
their id, and the share of modules whose children come out exactly (ids in order, "?"
matching any id). --list prints each file's result too.

--projects DIR: DIR holds whole repositories as OWNER+NAME folders (the key's "source" is
github:OWNER/NAME:PATH). Each key of an application whose repository is there is measured
again on `suplab-cli import` of that project's folder (the folder holding the mix.exs
above PATH), where children defined in other files can be followed; only when that copy
of the file is the one the key was written for.
"""
import json
import os
import subprocess
import sys


COMPUTED = "stands for children computed at run time"


def root_children(scenario):
    """The root's children as (id, whether it stands for a list computed at run time)."""
    root = scenario.get("root") or {}
    return [(c.get("id"), c.get("note", "").startswith(COMPUTED))
            for c in root.get("children", [])]


def same_tree(want, got):
    """Whether the children match in order: "?" in the key matches any id; a placeholder
    for a computed list matches a "?" or nothing (keys write such a list as one "?" or
    leave it out)."""
    i = 0
    for gid, computed in got:
        if computed:
            if i < len(want) and want[i] == "?":
                i += 1
            continue
        if i >= len(want) or (want[i] != "?" and want[i] != gid):
            return False
        i += 1
    return i == len(want)


def scenario_id(key_id):
    """A key's id as a scenario writes it: a plain atom loses its colon."""
    if key_id.startswith(":") and key_id[1:].replace("_", "a").isalnum():
        return key_id[1:]
    return key_id


def compare(key, got):
    """(literal found, literal total, exact) of `got` against the key."""
    want = [scenario_id(c["id"]) for c in key.get("children", [])]
    literal = [scenario_id(c["id"]) for c in key.get("children", [])
               if c.get("literal") and c["id"] != "?"]
    pool = [gid for gid, computed in got if not computed]
    found = 0
    for i in literal:
        if i in pool:
            pool.remove(i)
            found += 1
    return found, len(literal), same_tree(want, got)


def project_folder(projects, key):
    """The folder of the Mix project holding the key's file, if its repository is there."""
    source = key.get("source", "")
    if not source.startswith("github:") or key.get("kind") != "application":
        return None
    repo, _, path = source[len("github:"):].partition(":")
    folder = os.path.join(projects, repo.replace("/", "+"))
    if ".eex" in path or not os.path.isfile(os.path.join(folder, path)):
        return None  # a template, or a file that is not in this copy
    parts = path.split("/")
    for cut in range(len(parts) - 1, -1, -1):
        candidate = os.path.join(folder, *parts[:cut])
        if os.path.exists(os.path.join(candidate, "mix.exs")):
            return candidate
    return None


def measure_projects(corpus, cli, projects, listing):
    expected_dir = os.path.join(corpus, "expected")
    total = found_all = exact = count = 0
    for name in sorted(os.listdir(expected_dir)):
        if not name.endswith(".json"):
            continue
        key = json.load(open(os.path.join(expected_dir, name)))
        folder = project_folder(projects, key)
        if not folder:
            continue
        source = os.path.join(corpus, "files", name[:-5] + ".ex")
        repo, _, path = key["source"][len("github:"):].partition(":")
        copy = os.path.join(projects, repo.replace("/", "+"), path)
        if os.path.exists(source) and open(source, "rb").read() != open(copy, "rb").read():
            continue  # the key is of another version of the file
        run = subprocess.run([cli, "import", folder, "--to", "scenario"],
                             capture_output=True, text=True, timeout=120)
        got = []
        if run.returncode in (0, 3):
            got = root_children(json.loads(run.stdout))
        found, literal, same = compare(key, got)
        count += 1
        total += literal
        found_all += found
        exact += same
        if listing:
            print(f"project {name}: status {run.returncode}, literal {found}/{literal}, "
                  f"{'exact' if same else 'differs'}")
    share = 100.0 * found_all / total if total else 0.0
    print(f"whole projects: {count} applications; literal children found: {found_all} of "
          f"{total} ({share:.1f} %); exactly right: {exact} of {count}")


def main():
    argv = sys.argv[1:]
    projects = None
    if "--projects" in argv:
        i = argv.index("--projects")
        projects = argv[i + 1]
        del argv[i:i + 2]
    args = [a for a in argv if not a.startswith("--")]
    listing = "--list" in argv
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
        found, literal, same = compare(key, got)
        literal_total += literal
        literal_found += found
        exact += same
        if listing:
            print(f"{name}: status {status}, literal {found}/{literal}, "
                  f"{'exact' if same else 'differs'}")
    print(f"modules: {modules}")
    print("exit statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str)))
    print(f"crashes: {len(crashes)} {' '.join(crashes)}")
    share = 100.0 * literal_found / literal_total if literal_total else 0.0
    print(f"literal children found: {literal_found} of {literal_total} ({share:.1f} %)")
    print(f"modules exactly right: {exact} of {modules} ({100.0 * exact / max(modules, 1):.1f} %)")
    if projects:
        measure_projects(corpus, cli, projects, listing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
