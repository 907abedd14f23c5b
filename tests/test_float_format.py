"""The C runtime's float text (runtime/floatfmt.c) against its Python twin
(mpforge.mpy.mpfloat), on many values, through the unix firmware: repr, float() and
the e/f/g conversions of % at several precisions; in double precision (the unix
board) and in single (its SINGLE variant, the boards' floats on the host).

Values reach the firmware exactly: each is sent as an integer mantissa and a power of
two, multiplied in two exact steps (the second rounds once, in both runtimes, for the
subnormals).
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, build
from mpforge.compiler import compile_source
from mpforge.deploy.qemu import run_host
from mpforge.mpy.mpfloat import (
    DOUBLE,
    SINGLE,
    Precision,
    float_repr,
    format_float,
    parse_decimal,
)

N_VALUES = 3000
N_FORMATTED = 400  # of the values, formatted with every conversion below
CONVERSIONS = [f"%.{prec}{kind}" for kind in "efgE" for prec in (0, 1, 4, 9, 17)]


def _values(rng: random.Random, precision: Precision) -> list[float]:
    """Awkward floats of `precision`: random bit patterns over the whole exponent range,
    short decimals (where digit-peeling rounding shows), powers of ten and their
    neighbours."""
    if precision is SINGLE:
        return [v for v in map(SINGLE.round, _doubles(rng)) if math.isfinite(v)]
    return _doubles(rng)


def _doubles(rng: random.Random) -> list[float]:
    out = [0.0, -0.0, 1.0, 0.1, 51.35, 1e16, 1e15, 1e22, 1e23, 5e-324, 2.2250738585072014e-308]
    out += [1.7976931348623157e308, 0.999999999995, 0.9999999999949999, 9.9999999999995]
    while len(out) < N_VALUES:
        kind = rng.randrange(4)
        if kind == 0:
            out.append(math.ldexp(rng.getrandbits(53) | 1 << 52, rng.randrange(-1074, 971)))
        elif kind == 1:
            out.append(rng.randrange(1, 10 ** rng.randrange(1, 17)) / 10 ** rng.randrange(0, 20))
        elif kind == 2:
            out.append(math.nextafter(10.0 ** rng.randrange(-300, 300), rng.choice((0, math.inf))))
        else:
            out.append(rng.uniform(-1e6, 1e6))
    return [v if rng.random() < 0.8 else -v for v in out]


def _exact(v: float) -> tuple[int, int]:
    """(m, e) with v == m * 2.0 ** e, m an int that fits a 64-bit small int."""
    if v == 0:
        return (0, 0)
    m, e = math.frexp(v)
    return int(m * 2**53), e - 53


def _texts(rng: random.Random, precision: Precision) -> list[str]:
    """Decimal literals the parser must read as MicroPython does (long ones round
    differently from CPython's float())."""
    out = ["0", "1.5", "0.1", "1e308", "1e-308", "2.5e-320", "123456789012345678901234567890"]
    while len(out) < N_VALUES // 2:
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 25)))
        point = rng.randrange(len(digits) + 1)
        text = digits[:point] + "." + digits[point:]
        if rng.random() < 0.6:
            reach = 310 if precision is DOUBLE else 40
            text += f"e{rng.randrange(-reach - 20, reach)}"
        out.append(text)
    return out


def _program(values: list[float], texts: list[str]) -> str:
    pairs = [_exact(v) for v in values]
    return (
        f"V = {pairs!r}\n"
        f"T = {texts!r}\n"
        "for m, e in V:\n"
        "    print(repr(m * 2.0 ** (e // 2) * 2.0 ** (e - e // 2)))\n"
        "for t in T:\n"
        "    print(repr(float(t)))\n"
        f"C = {CONVERSIONS!r}\n"
        f"for m, e in V[:{N_FORMATTED}]:\n"
        "    x = m * 2.0 ** (e // 2) * 2.0 ** (e - e // 2)\n"
        "    print(' '.join(c % x for c in C))\n"
    )


def _expected(values: list[float], texts: list[str], precision: Precision) -> list[str]:
    formatted = [
        " ".join(
            format_float(_stored(v, precision), c[-1], int(c[2:-1]), precision=precision)
            for c in CONVERSIONS
        )
        for v in values[:N_FORMATTED]
    ]
    return (
        [float_repr(_stored(v, precision), precision) for v in values]
        + [float_repr(parse_decimal(t, precision), precision) for t in texts]
        + formatted
    )


def _stored(v: float, precision: Precision) -> float:
    """What the program's two multiplications leave: both exact in double, so one
    rounding to the board's precision."""
    m, e = _exact(v)
    return precision.round(m * 2.0 ** (e // 2) * 2.0 ** (e - e // 2))


PRECISIONS = {"double": (DOUBLE, ()), "single": (SINGLE, ("variant=SINGLE",))}


@pytest.fixture(scope="module", params=sorted(PRECISIONS))
def target(request: pytest.FixtureRequest) -> tuple[Path, Precision]:
    precision, options = PRECISIONS[request.param]
    return build("unix", {"main.py": FROZEN_MAIN}, *options) / "firmware", precision


@pytest.mark.parametrize("seed", [1, 2])
def test_repr_parse_and_format_match_mpfloat(
    target: tuple[Path, Precision], tmp_path: Path, seed: int
) -> None:
    firmware, precision = target
    rng = random.Random(seed)
    values, texts = _values(rng, precision), _texts(rng, precision)
    mpy = tmp_path / "floats.mpy"
    mpy.write_bytes(compile_source(_program(values, texts), "floats.py"))
    result = run_host(firmware, [str(mpy)], timeout=120, echo=None)
    assert result.status == 0, result.output[-2000:]
    got = result.output.splitlines()
    want = _expected(values, texts, precision)
    mismatches = [(i, g, w) for i, (g, w) in enumerate(zip(got, want, strict=True)) if g != w]
    assert not mismatches, mismatches[:20]
