#!/usr/bin/env python3
"""Do two conformance traces say the same thing?  (docs/trace-format.md)

    compare_traces.py EXPECTED.trace ACTUAL.trace SCENARIO.json

Exit status 0: they match; 1: they differ (a unified diff is printed); 2: bad usage
or unreadable input.

Lines must match one for one, in order, with one exception: a DynamicSupervisor
stops its children all at once, so when several `down` lines in a row belong to
children of the same dynamic supervisor, their order within that run is free.
"""
import difflib
import json
import sys


def dynamic_supervisors(node, parent_path=None):
    """Paths of every dynamic_supervisor in the scenario's initial tree."""
    path = node["id"] if parent_path is None else parent_path + "/" + node["id"]
    found = {path} if node.get("type") == "dynamic_supervisor" else set()
    for child in node.get("children", []):
        found |= dynamic_supervisors(child, path)
    return found


def stopped_by_dynamic(line, dynamic):
    """The dynamic supervisor whose child this `down` line is about, or None."""
    words = line.split(" ")
    if len(words) < 3 or words[0] != "down" or "/" not in words[1]:
        return None
    parent = words[1].rsplit("/", 1)[0]
    return parent if parent in dynamic else None


def canonical(lines, dynamic):
    """The trace with each run of a dynamic supervisor's `down` lines sorted."""
    result, i = [], 0
    while i < len(lines):
        owner = stopped_by_dynamic(lines[i], dynamic)
        j = i + 1
        if owner is not None:
            while j < len(lines) and stopped_by_dynamic(lines[j], dynamic) == owner:
                j += 1
            result.extend(sorted(lines[i:j]))
        else:
            result.append(lines[i])
        i = j
    return result


def trace_lines(file_name):
    with open(file_name, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    expected_file, actual_file, scenario_file = argv[1:]
    try:
        with open(scenario_file, encoding="utf-8") as f:
            dynamic = dynamic_supervisors(json.load(f)["root"])
        expected = canonical(trace_lines(expected_file), dynamic)
        actual = canonical(trace_lines(actual_file), dynamic)
    except (OSError, ValueError, KeyError) as error:
        sys.stderr.write(f"compare_traces.py: {error}\n")
        return 2
    if expected == actual:
        return 0
    for line in difflib.unified_diff(expected, actual, "expected", "actual", lineterm=""):
        print(line)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
