"""The conformance runner behind `mpforge test` and the pytest suite.

A program is a .py file; its expected output is CPython's (computed once, cached on
disk by the program's hash) or the `.exp` file beside it. A first-line comment
`# requires: bigint, float` names the runtime features it needs; targets declare the
features they have, and a program needing one its target lacks is skipped.
"""

from .programs import SUITES, Program, discover, expected_output
from .runner import Outcome, run_programs
from .targets import TARGETS, Target, get_target

__all__ = [
    "Outcome", "Program", "SUITES", "TARGETS", "Target", "discover", "expected_output",
    "get_target", "run_programs",
]  # fmt: skip
