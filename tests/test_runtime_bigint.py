"""Big ints of the C runtime against CPython.

Seeded random programs of int expressions (operands from 0 to ~600 bits, both signs,
the small-int boundaries of 32- and 64-bit words) run on the unix firmware, each line
compared with what CPython prints for the same program. Exceptions print their class
name only (the messages are MicroPython's). Left out, where MicroPython differs from
CPython on purpose: negative exponents (float), pow() with a negative exponent and a
modulus, to_bytes of values that do not fit, from_bytes(signed=True).

Big-int constants, every size class (63-bit small on unix but big on the boards, beyond
64 bits, negative, inside tuples), from an .mpy loaded at run time and frozen into
flash on unix and on PYBV10 under QEMU."""

from __future__ import annotations

import contextlib
import io
import random
import re
import subprocess
from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, build
from mpforge.build.board import load_board
from mpforge.build.toolchain import find_tool
from mpforge.compiler import compile_source
from mpforge.deploy.qemu import run_host, run_qemu

BOUNDARIES = [
    0,
    1,
    2**30 - 1,
    2**30,
    2**31 - 1,
    2**31,
    2**32,
    2**62 - 1,
    2**62,
    2**63,
    2**64 - 1,
    2**64,
]
BITS = [1, 3, 8, 16, 29, 30, 31, 32, 33, 48, 61, 62, 63, 64, 65, 95, 96, 97, 128, 200, 333, 600]
BINARY = ["+", "-", "*", "//", "%", "&", "|", "^", "<", "<=", "==", "!=", ">", ">="]
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _operand(rng: random.Random) -> int:
    if rng.random() < 0.2:
        v = rng.choice(BOUNDARIES) + rng.choice([-1, 0, 0, 1])
    else:
        v = rng.getrandbits(rng.choice(BITS))
        if rng.random() < 0.1:
            v = (1 << v.bit_length()) - 1  # all ones: carries run through every digit
    return -v if rng.random() < 0.4 else v


def _in_base(v: int, base: int, rng: random.Random) -> str:
    digits = ""
    n = abs(v)
    while True:
        n, d = divmod(n, base)
        digits = DIGITS[d] + digits
        if n == 0:
            break
    if rng.random() < 0.3:
        digits = digits.upper()
    if len(digits) > 3 and rng.random() < 0.2:
        cut = rng.randrange(1, len(digits))
        digits = digits[:cut] + "_" + digits[cut:]
    return ("-" if v < 0 else "") + digits


def _expression(rng: random.Random) -> tuple[list[int], str]:
    """Operands (bound to a, b, c at run time, so nothing is folded at compile time) and
    the expression printed."""
    a, b = _operand(rng), _operand(rng)
    kind = rng.randrange(12)
    if kind <= 2:
        return [a, b], f"a {rng.choice(BINARY)} b"
    if kind == 3:
        return [a, rng.randrange(0, 40 if abs(a) < 2**64 else 8)], "a ** b"
    if kind == 4:
        op = rng.choice(["<<", ">>"])
        return [a, rng.choice([0, 1, 31, 32, 33, 63, 64, 65, rng.randrange(400), -1])], f"a {op} b"
    if kind == 5:
        return [a, b], rng.choice(["divmod(a, b)", "(a // b) * b + a % b == a"])
    if kind == 6:
        return [a, rng.randrange(0, 300), b], "pow(a, b, c)"
    if kind == 7:
        return [a], rng.choice(["-a", "~a", "abs(a)", "+a", "a + True", "not a", "a == a + 0"])
    if kind == 8:
        return [a], rng.choice(
            ["str(a)", "repr(a)", "hex(a)", "oct(a)", "bin(a)", "'{:x}'.format(a)", "'%d' % a",
             "'{:+,}'.format(a)", "'{:>80_X}'.format(a)", "'%.50o' % a", "'{:#b}'.format(a)"]
        )  # fmt: skip
    if kind == 9:
        base = rng.randrange(2, 37)
        return [base], f"int({_in_base(a, base, rng)!r}, a) - {a}"
    if kind == 10:
        v = abs(a)
        n = (v.bit_length() + 7) // 8 + rng.randrange(3)
        order = rng.choice(["big", "little"])
        return [v, n], (
            f"a.to_bytes(b, {order!r}), int.from_bytes(a.to_bytes(b, {order!r}), {order!r}) == a"
        )
    data = bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 40)))
    order = rng.choice(["big", "little"])
    return [a], f"int.from_bytes({data!r}, {order!r}), hash(a) == hash(int(str(a)))"


def program(seed: int, n: int) -> str:
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        values, expr = _expression(rng)
        names = ", ".join("abc"[: len(values)])
        lines += [
            f"{names} = {', '.join(map(str, values))}",
            "try:",
            f"    print({i}, {expr})",
            "except Exception as e:",
            f"    print({i}, type(e).__name__)",
        ]
    return "\n".join(lines) + "\n"


def cpython(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "prog.py", "exec"), {})
    return out.getvalue()


@pytest.fixture(scope="module")
def firmware() -> Path:
    return build("unix", {"main.py": FROZEN_MAIN}) / "firmware"


@pytest.mark.parametrize("seed", range(6))
def test_random_expressions_match_cpython(seed: int, firmware: Path, tmp_path: Path) -> None:
    source = program(seed, 400)
    mpy = tmp_path / "prog.mpy"
    mpy.write_bytes(compile_source(source, "prog.py"))
    result = run_host(firmware, [str(mpy)], timeout=120, echo=None)
    assert result.status == 0, result.output[-2000:]
    expected = cpython(source).splitlines()
    got = result.output.splitlines()
    for want, have in zip(expected, got, strict=True):
        line = 5 * int(want.split()[0])
        assert have == want, "\n".join(source.splitlines()[line : line + 3])


CONSTANTS = """\
a = 2 ** 40
b = -(2 ** 62)
c = 2 ** 62 - 1
d = 12345678901234567890123456789012345678901234567890
e = -(3 ** 80)
t = (2 ** 70, 5, -2 ** 65, (2 ** 31, -2 ** 31 - 1))
print(a, b, c, d, e, t)
print(d + 1, e * d, t[0] // 7, b - 1, c + 1, a * a, t[3][0] + t[3][1])
print(d == 12345678901234567890123456789012345678901234567890, hash(a) == hash(2 ** 40), {d: 1}[d])
print(2 ** 30, 2 ** 30 + 2 ** 30, -(2 ** 30) - 2 ** 30 - 1, 4294967296 >> 1)
"""


def test_constants_from_an_mpy(firmware: Path, tmp_path: Path) -> None:
    mpy = tmp_path / "consts.mpy"
    mpy.write_bytes(compile_source(CONSTANTS, "consts.py"))
    result = run_host(firmware, [str(mpy)], timeout=60, echo=None)
    assert (result.status, result.output) == (0, cpython(CONSTANTS))


def test_frozen_constants_on_unix() -> None:
    firmware = build("unix", {"main.py": CONSTANTS}) / "firmware"
    result = run_host(firmware, [], timeout=60, echo=None)
    assert (result.status, result.output) == (0, cpython(CONSTANTS))


def test_frozen_constants_on_pybv10_are_in_flash() -> None:
    out = build("PYBV10", {"main.py": CONSTANTS})
    elf = out / "firmware.elf"
    result = run_qemu(elf, load_board("PYBV10").get("run.machine"), timeout=60, echo=None)
    assert (result.status, result.output) == (0, cpython(CONSTANTS))
    # every big constant is a ROM object, the 63-bit ones too (small ints are 31 bits here)
    nm = subprocess.run(
        [find_tool("arm-none-eabi-nm"), str(elf)], capture_output=True, text=True, check=True
    )
    found = re.findall(r"^([0-9a-f]{8}) [rt] mod_main_const_int_\S+$", nm.stdout, re.M)
    generated = (out / "genhdr" / "frozen_content.c").read_text()
    assert len(found) == generated.count("static const MPF_ROM_BIGINT_T") >= 9
    assert all(0x08000000 <= int(address, 16) < 0x08100000 for address in found)
