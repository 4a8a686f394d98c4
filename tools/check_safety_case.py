#!/usr/bin/env python3
"""Checks SAFETY.md (SPEC §6.5): every test a control names as `Suite.test()` exists in Tests/.

A name is found when a Swift file under Tests/ declares the suite (`struct Suite`) and the
test (`func test(`). Exits 1, listing the missing names, when any is missing, and when the file
names no test at all (a safety case without controls is not one).
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> int:
    safety = (ROOT / "SAFETY.md").read_text(encoding="utf-8")
    named = sorted(set(re.findall(r"`([A-Z][A-Za-z0-9_]*)\.([a-z][A-Za-z0-9_]*)\(\)`", safety)))
    if not named:
        print("SAFETY.md: no control names a test (`Suite.test()`)", file=sys.stderr)
        return 1
    sources = [path.read_text(encoding="utf-8") for path in (ROOT / "Tests").rglob("*.swift")]
    missing = []
    for suite, test in named:
        suite_pattern = re.compile(r"\bstruct\s+" + re.escape(suite) + r"\b")
        test_pattern = re.compile(r"\bfunc\s+" + re.escape(test) + r"\s*\(")
        if not any(suite_pattern.search(text) and test_pattern.search(text) for text in sources):
            missing.append(f"{suite}.{test}()")
    for name in missing:
        print(f"SAFETY.md: the control's test {name} does not exist in Tests/", file=sys.stderr)
    if missing:
        return 1
    print(f"SAFETY.md: {len(named)} named tests, all present")
    return 0


if __name__ == "__main__":
    sys.exit(main())
