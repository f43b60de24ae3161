#!/usr/bin/env python3
# Which of supervisor_SUITE's cases (the numbered list of otp-semantics.md §12) the
# port cites: a case counts when its name appears, as a whole word, in a // comment or
# a string literal (a data row's name) of tests/engine/tst_supervisor_suite.cpp.
# Usage: scripts/suite-coverage.py [SPEC.md] [TEST.cpp]
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
spec = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root / "../shared/spec/otp-semantics.md")
test = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else root / "tests/engine/tst_supervisor_suite.cpp")

if not spec.is_file():
    sys.exit(f"suite-coverage: {spec} not found: it needs the contracts' otp-semantics.md "
             "(../shared/spec/ beside the checkout) or its path as the first argument")
text = spec.read_text()
section = text[text.index("## 12."):text.index("## 13.")]
cases = re.findall(r"^(\d+)\. `([a-z0-9_]+)`", section, re.M)
source = test.read_text()
cited = " ".join(re.findall(r"//[^\n]*", source) + re.findall(r'"(?:[^"\\\n]|\\.)*"', source))


def is_cited(name):
    return re.search(r"(?<![A-Za-z0-9_])" + name + r"(?![A-Za-z0-9_])", cited) is not None


missing = [f"{n} {name}" for n, name in cases if not is_cited(name)]
print(f"{len(cases) - len(missing)} of {len(cases)} cases cited")
if missing:
    print("not cited: " + ", ".join(missing))
