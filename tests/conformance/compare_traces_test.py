#!/usr/bin/env python3
"""compare_traces.py, specified by example: what it must accept and what it must refuse."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

COMPARE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "compare_traces.py")
SCENARIO = {"name": "n", "root": {"id": "R", "type": "supervisor", "children": [
    {"id": "a"}, {"id": "D", "type": "dynamic_supervisor", "children": [{"id": "x"}, {"id": "y"}]}]}}
TRACE = ["up R", "up R/a", "up R/D", "up R/D/x", "up R/D/y",
         "down R/D/x shutdown", "down R/D/y shutdown", "down R/D shutdown",
         "down R/a shutdown", "down R shutdown"]


class CompareTraces(unittest.TestCase):
    def compare(self, expected, actual, scenario=SCENARIO):
        with tempfile.TemporaryDirectory() as d:
            files = []
            for name, text in (("e.trace", "\n".join(expected) + "\n"),
                               ("a.trace", "\n".join(actual) + "\n"),
                               ("s.json", json.dumps(scenario))):
                files.append(os.path.join(d, name))
                with open(files[-1], "w", encoding="utf-8") as f:
                    f.write(text)
            return subprocess.run([sys.executable, COMPARE, *files], capture_output=True,
                                  text=True).returncode

    def test_the_same_trace_matches(self):
        self.assertEqual(self.compare(TRACE, TRACE), 0)

    def test_a_dynamic_supervisors_children_may_go_down_in_any_order(self):
        swapped = TRACE[:5] + [TRACE[6], TRACE[5]] + TRACE[7:]
        self.assertEqual(self.compare(TRACE, swapped), 0)

    def test_a_static_supervisors_children_must_go_down_in_order(self):
        swapped = TRACE[:7] + [TRACE[8], TRACE[7]] + TRACE[9:]
        self.assertEqual(self.compare(TRACE, swapped), 1)

    def test_the_dynamic_run_does_not_reach_past_its_supervisor(self):
        moved = TRACE[:5] + [TRACE[5], TRACE[7], TRACE[6]] + TRACE[8:]
        self.assertEqual(self.compare(TRACE, moved), 1)

    def test_a_missing_line_is_a_difference(self):
        self.assertEqual(self.compare(TRACE, TRACE[:-1]), 1)

    def test_an_extra_line_is_a_difference(self):
        self.assertEqual(self.compare(TRACE, TRACE + ["give_up R"]), 1)

    def test_blank_lines_do_not_count(self):
        self.assertEqual(self.compare(TRACE, TRACE[:3] + [""] + TRACE[3:]), 0)

    def test_a_scenario_without_a_root_is_bad_input(self):
        self.assertEqual(self.compare(TRACE, TRACE, {"name": "n"}), 2)


if __name__ == "__main__":
    unittest.main()
