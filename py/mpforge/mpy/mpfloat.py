"""Floats to text and back, the way MicroPython does it, in double or single precision.

MicroPython does not print the shortest round-tripping digits as CPython does: it
scales the value into [1, 10) with a table of powers of ten and peels off digits by
repeated multiplication, so the last digits carry the rounding of that arithmetic
(51.35 prints as 51.35000000000001). .mpy files store float constants as this text,
so byte identity with mpy-cross needs the same procedure, operation for operation
(Python floats are the same IEEE doubles). The Python-hosted VM prints floats with
it too, so it prints what a board prints. Parsing is the same story: MicroPython
accumulates the digits in a double, so a long literal can round differently from
CPython's correctly rounded float().

Boards with single-precision floats (MICROPY_FLOAT_IMPL_FLOAT) run the same
procedure on 32-bit floats with smaller tables: `SINGLE` rounds every operation's
result to the nearest float32, which gives exactly the float32 operation (a float32
sum, product or quotient computed in double and rounded once more is correctly
rounded: 53 >= 2 * 24 + 2 bits). runtime/floatfmt.c is the C side of both.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable
from dataclasses import dataclass


def to_single(value: float) -> float:
    """The float32 nearest to `value` (inf beyond float32's range), as a Python float."""
    try:
        return struct.unpack("<f", struct.pack("<f", value))[0]
    except OverflowError:
        return math.copysign(math.inf, value)


def _exact(value: float) -> float:
    return value


@dataclass(frozen=True)
class Precision:
    """One float implementation of MicroPython: its rounding and its constants."""

    name: str
    round: Callable[[float], float]  # the result of an operation, in this precision
    pos_pow: tuple[float, ...]  # the decimal-exponent search table, largest first
    neg_pow: tuple[float, ...]
    dec_exp_bits: int  # the largest power of two in that search
    round_to_one: float  # values from here to 1 print as 1
    min_buf: int  # room for the shortest exponent form ("+9e+99")
    repr_precision: int  # digits of repr()
    repr_buf_size: int
    tenth: float  # 0.1
    # parsing: digits accumulate below dec_val_max; below small_normal_val (10 to the
    # small_normal_exp) the value is scaled first so that it never passes through a
    # subnormal; 10**exact_power_of_10 is the largest exact power of ten
    dec_val_max: float
    small_normal_val: float
    small_normal_exp: int
    exact_power_of_10: int


DOUBLE = Precision(
    "double", _exact,
    (1e256, 1e128, 1e64, 1e32, 1e16, 1e8, 1e4, 1e2, 1e1),
    (1e-256, 1e-128, 1e-64, 1e-32, 1e-16, 1e-8, 1e-4, 1e-2, 1e-1),
    256, 0.999999999995, 7, 16, 32, 0.1, 1e200, 1e-307, -307, 22,
)  # fmt: skip
SINGLE = Precision(
    "single", to_single,
    tuple(map(to_single, (1e32, 1e16, 1e8, 1e4, 1e2, 1e1))),
    tuple(map(to_single, (1e-32, 1e-16, 1e-8, 1e-4, 1e-2, 1e-1))),
    32, to_single(0.9999995), 6, 7, 16, to_single(0.1), to_single(1e20), to_single(1e-37), -37, 9,
)  # fmt: skip
PRECISIONS = {p.name: p for p in (DOUBLE, SINGLE)}
REPR_PRECISION = DOUBLE.repr_precision
REPR_BUF_SIZE = DOUBLE.repr_buf_size


def format_float(value: float, fmt: str = "g", prec: int = 6, sign: str = "",
                 buf_size: int = REPR_BUF_SIZE, precision: Precision = DOUBLE) -> str:  # fmt: skip
    """Format like MicroPython's float formatter ('e', 'f' or 'g'; upper case allowed),
    `value` taken in `precision` (a single-precision board formats its nearest float32)."""
    rnd = precision.round
    value = rnd(value)
    out: list[str] = []
    if math.copysign(1.0, value) < 0 and not math.isnan(value):
        out.append("-")
        value = -value
    elif sign:
        out.append(sign)
    sign_len = len(out)
    room = buf_size - 1 - sign_len  # for digits and exponent
    upper = fmt.isupper()
    if math.isinf(value) or math.isnan(value):
        text = "inf" if math.isinf(value) else "nan"
        return "".join(out) + (text.upper() if upper else text)
    if prec < 0:
        prec = 6
    e_char = "E" if upper else "e"
    fmt = fmt.lower()
    org_fmt = fmt
    if fmt == "g" and prec == 0:
        prec = 1
    dec = 0
    e_sign = ""
    num_digits = 0
    e = 0
    f = value
    if f == 0:
        if fmt == "f":
            prec = min(prec, room - 2)
            num_digits = prec + 1
        else:
            prec = min(prec, room - 6)
            if fmt == "e":
                e_sign = "+"
    elif f < 1.0:
        first_digit = "1" if f >= precision.round_to_one else "0"
        bit = precision.dec_exp_bits
        for pos, neg in zip(precision.pos_pow, precision.neg_pow, strict=True):
            if neg > f:
                e += bit
                f = rnd(f * pos)
            bit >>= 1
        e_sign_char = "-"
        if f < 1.0 and f >= precision.round_to_one:
            f = 1.0
            if e == 0:
                e_sign_char = "+"
        elif f < 1.0:
            e += 1
            f = rnd(f * 10.0)
        if fmt == "f" or (fmt == "g" and e <= 4):
            fmt = "f"
            dec = -1
            out.append(first_digit)
            if org_fmt == "g":
                prec += e - 1
            prec = min(prec, room - 2)
            num_digits = prec
            if num_digits:
                out.append(".")
                e -= 1
                while e and num_digits:
                    out.append("0")
                    num_digits -= 1
                    e -= 1
        else:
            e_sign = e_sign_char
            dec = 0
            if prec > room - precision.min_buf:
                prec = room - precision.min_buf + (1 if fmt == "g" else 0)
    else:
        bit = precision.dec_exp_bits
        for pos, neg in zip(precision.pos_pow, precision.neg_pow, strict=True):
            if pos <= f:
                e += bit
                f = rnd(f * neg)
            bit >>= 1
        # f can land exactly on a table boundary and need one more division
        if int(f) >= 10:
            e += 1
            f = rnd(f * precision.tenth)
        if fmt == "f":
            if e >= room:
                fmt = "e"
            elif e + prec + 2 > room:
                prec = room - e - 2
                if prec < 0:
                    prec += 1
        if fmt == "e" and prec > room - precision.min_buf:
            prec = room - precision.min_buf
        if fmt == "g" and prec + precision.min_buf - 1 > room:
            prec = room - (precision.min_buf - 1)
        if fmt == "g" and e < prec:
            fmt = "f"
            prec -= e + 1
        if fmt == "f":
            dec = e
            num_digits = prec + e + 1
        else:
            e_sign = "+"
    prec = max(prec, 0)
    if fmt == "e":
        num_digits = prec + 1
    elif fmt == "g":
        prec = max(prec, 1)
        num_digits = prec
    for _ in range(num_digits):
        d = int(f)
        out.append(str(d) if d >= 0 else "0")
        if dec == 0 and prec > 0:
            out.append(".")
        f = rnd((f - d) * 10.0)
        dec -= 1
    if (org_fmt != "f" or e <= num_digits) and f >= 5.0:
        e, e_sign = _round_up(out, sign_len, fmt, e, e_sign)
    if org_fmt == "g" and prec > 0:
        while out and out[-1] == "0":
            out.pop()
        if out and out[-1] == ".":
            out.pop()
    if e_sign:
        out.append(e_char + e_sign + (str(e // 100) if e >= 100 else ""))
        out.append(f"{(e // 10) % 10}{e % 10}")
    return "".join(out)


def _round_up(out: list[str], sign_len: int, fmt: str, e: int, e_sign: str) -> tuple[int, str]:
    """Add one unit in the last printed digit, carrying left; may grow a digit."""
    i = len(out) - 1
    while True:
        if out[i] == ".":
            i -= 1
            continue
        if i < sign_len or not out[i].isdigit():
            i += 1  # the digit just right of a sign
            break
        if out[i] < "9":
            out[i] = chr(ord(out[i]) + 1)
            break
        out[i] = "0"
        if i == 0:
            break
        i -= 1
    if out[i] == "0":
        if i + 1 < len(out) and out[i + 1] == "." and fmt != "f":
            # 9.99 becomes 1.000: move the point and adjust the exponent
            out[i], out[i + 1] = ".", "0"
            if e_sign == "-":
                e -= 1
                if e == 0:
                    e_sign = "+"
            else:
                e += 1
        else:
            out.append("")  # the shift below needs one more slot
        out[i + 1 :] = out[i:-1]
        out[i] = "1"
    return e, e_sign


def float_repr(value: float, precision: Precision = DOUBLE) -> str:
    """repr() of a float as MicroPython prints it (and as .mpy files store it)."""
    text = format_float(
        value, "g", precision.repr_precision, "", precision.repr_buf_size, precision
    )
    if "." not in text and "e" not in text and "n" not in text:
        text += ".0"
    return text


def complex_repr(value: complex, precision: Precision = DOUBLE) -> str:
    """repr() of a complex as MicroPython prints it: `5j`, `(1+2j)`."""
    digits, size = precision.repr_precision, precision.repr_buf_size
    imag = format_float(value.imag, "g", digits, "", size, precision)
    if value.real == 0:
        return f"{imag}j"
    real = format_float(value.real, "g", digits, "", size, precision)
    plus = "+" if value.imag >= 0 or math.isnan(value.imag) else ""
    return f"({real}{plus}{imag}j)"


def parse_decimal(text: str, precision: Precision = DOUBLE) -> float:
    """The value MicroPython's number parser gives a float literal (no sign, no 'j'),
    in `precision`. Raises ValueError for text that is not a decimal float."""
    rnd = precision.round
    dec_val = 0.0
    exp_val = 0
    exp_extra = 0
    exp_neg = False
    part = "int"
    i = 0
    digits = 0
    while i < len(text):
        c = text[i]
        i += 1
        if "0" <= c <= "9":
            digits += 1
            if part == "exp":
                if exp_val < (2**31 // 2 - 9) // 10:
                    exp_val = 10 * exp_val + int(c)
            elif dec_val < precision.dec_val_max:
                dec_val = rnd(rnd(10 * dec_val) + int(c))
                if part == "frac":
                    exp_extra -= 1
            elif part == "int":
                exp_extra += 1
        elif part == "int" and c == ".":
            part = "frac"
        elif part != "exp" and c in "eE":
            part = "exp"
            if i < len(text) and text[i] in "+-":
                exp_neg = text[i] == "-"
                i += 1
            if i == len(text):
                raise ValueError(text)
        elif c == "_":
            continue
        else:
            raise ValueError(text)
    if not digits:
        raise ValueError(text)
    if exp_neg:
        exp_val = -exp_val
    exp_val += exp_extra
    if exp_val < precision.small_normal_exp:
        exp_val -= precision.small_normal_exp
        dec_val = rnd(dec_val * precision.small_normal_val)
    # the board's pow() of ten, correctly rounded to its precision
    try:
        if -precision.exact_power_of_10 <= exp_val < 0:
            return rnd(dec_val / rnd(math.pow(10, -exp_val)))
        return rnd(dec_val * rnd(math.pow(10, exp_val)))
    except OverflowError:
        return math.inf
