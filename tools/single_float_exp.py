"""Write `prog.single.exp` files: what a program prints on a single-precision board.

A conformance program's expected output is CPython's (or its `.exp`), which is what
MicroPython prints with double-precision floats. Boards with single-precision floats
(`features: {float: single}`) print fewer digits and compute in float32, so where a
program's output changes with the precision, the output of MicroPython v1.19.1's own
unix port built with single-precision floats is committed beside the program as
`prog.single.exp` (py/mpforge/testing/programs.py reads it for such targets).

The reference binaries (built outside the repository, never committed):

    cp -a /tmp/mp-upstream /tmp/mp-single   # MicroPython v1.19.1 sources
    make -C /tmp/mp-single/ports/unix BUILD=build-single PROG=micropython-single \\
        CFLAGS_EXTRA='-DMICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_FLOAT' \\
        MICROPY_PY_FFI=0 MICROPY_PY_USSL=0 MICROPY_PY_BTREE=0

and the double-precision unix port (/tmp/mp-upstream/ports/unix/micropython).

    python3 tools/single_float_exp.py --single /tmp/mp-single/ports/unix/micropython-single

Every program that requires `float` runs on both binaries. Where the double-precision
binary prints the expected output, the single-precision binary's output is the answer.
Where it does not (the suite holds mpforge to CPython where upstream differs, or the
program needs what upstream's unix port lacks), the answer is decided line by line:
a line the double binary prints as expected takes the single binary's line; a line
both binaries print alike does not depend on the precision and keeps the expected
line. Any other line has no reference and stops the script, unless DECIDED below
says why the expected line holds in single precision too.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from mpforge.testing import SUITES, discover, expected_output  # noqa: E402

# Lines with no upstream reference: (program, line) -> why its expected line holds.
DECIDED = {
    ("float/complex_more", 2): "runtime/modcmath.c computes sqrt as CPython does, without "
    "trigonometry: cmath.sqrt(-1) is exactly 1j in any precision",
}


def run(binary: Path, program: Path) -> Run:
    result = subprocess.run(
        [str(binary), program.name], cwd=program.parent, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    return result.returncode, result.stdout + result.stderr


Run = tuple[int, str]  # exit status, output


def single_output(name: str, expected: str, double: Run, single: Run) -> str:
    """The program's output on a single-precision board (see the module's docstring)."""
    if double == (0, expected):
        if single[0] != 0:
            raise SystemExit(f"{name}: the single-precision binary fails:\n{single[1]}")
        return single[1]
    if single == double:
        return expected
    lines = expected.splitlines(keepends=True)
    d_lines = double[1].splitlines(keepends=True)
    s_lines = single[1].splitlines(keepends=True)
    if not len(lines) == len(d_lines) == len(s_lines):
        raise SystemExit(f"{name}: upstream's output doesn't line up with the expected output")
    out = []
    for number, (e, d, s) in enumerate(zip(lines, d_lines, s_lines, strict=True), 1):
        if d == e:
            out.append(s)
        elif d == s or (name, number) in DECIDED:
            out.append(e)
        else:
            raise SystemExit(f"{name}: line {number} has no reference in single precision")
    return "".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--single", type=Path, required=True, help="single-precision micropython")
    parser.add_argument(
        "--double", type=Path, default=Path("/tmp/mp-upstream/ports/unix/micropython"),
        help="double-precision micropython (default: %(default)s)",
    )  # fmt: skip
    parser.add_argument("--check", action="store_true", help="only report files out of date")
    args = parser.parse_args()
    paths = [ROOT / "tests" / suite for suite in SUITES]
    stale = []
    for program in discover(paths):
        if "float" not in program.requires:
            continue
        expected = expected_output(program.path)
        double, single = run(args.double, program.path), run(args.single, program.path)
        want = single_output(program.name, expected, double, single)
        exp = program.path.with_suffix(".single.exp")
        have = exp.read_text() if exp.exists() else None
        if have == (want if want != expected else None):
            continue
        stale.append(program.name)
        if args.check:
            continue
        if want == expected:
            exp.unlink()
        else:
            exp.write_text(want)
    verb = "out of date" if args.check else "written"
    print(f"{len(stale)} {verb}: {' '.join(stale)}" if stale else "all up to date")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
