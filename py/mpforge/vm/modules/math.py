"""`math` (py/modmath.c): the functions MicroPython has, its domain errors."""

from __future__ import annotations

import math as m
from collections.abc import Callable
from typing import Any

from ..objects import Builtin, mp_error
from ..types import to_float

_ONE_ARG = (
    "sqrt exp log2 log10 cos sin tan acos asin atan cosh sinh tanh acosh asinh atanh "
    "erf erfc gamma lgamma expm1 log1p degrees radians fabs"
).split()
_TWO_ARG = ("pow", "atan2", "copysign", "fmod", "ldexp")


def _wrap(name: str, fn: Callable[..., Any]) -> Builtin:
    def impl(*args: Any) -> Any:
        try:
            return fn(
                *(to_float(a) if not isinstance(a, int) or name != "ldexp" else a for a in args)
            )
        except ValueError:
            raise mp_error("ValueError", "math domain error") from None
        except OverflowError:
            raise mp_error("OverflowError", "math range error") from None
        except ZeroDivisionError:
            raise mp_error("ZeroDivisionError", "divide by zero") from None

    return Builtin(name, impl)


def _log(*args: Any) -> float:
    try:
        if len(args) == 2:
            return m.log(to_float(args[0])) / m.log(to_float(args[1]))
        return m.log(to_float(args[0]))
    except ValueError:
        raise mp_error("ValueError", "math domain error") from None
    except ZeroDivisionError:
        raise mp_error("ZeroDivisionError", "divide by zero") from None


def _to_int_fn(name: str, fn: Callable[[float], Any]) -> Builtin:
    def impl(x: Any) -> Any:
        if isinstance(x, int):
            return x
        value = to_float(x)
        if m.isinf(value):
            raise mp_error("OverflowError", "can't convert inf to int")
        if m.isnan(value):
            raise mp_error("ValueError", "can't convert NaN to int")
        return fn(value)

    return Builtin(name, impl)


def make(vm: Any) -> dict[str, Any]:
    table: dict[str, Any] = {
        name: _wrap(name, getattr(m, name)) for name in _ONE_ARG + list(_TWO_ARG)
    }
    table.update(
        pi=m.pi, e=m.e, inf=m.inf, nan=m.nan, tau=m.tau,
        log=Builtin("log", _log),
        ceil=_to_int_fn("ceil", m.ceil), floor=_to_int_fn("floor", m.floor),
        trunc=_to_int_fn("trunc", m.trunc),
        isfinite=Builtin("isfinite", lambda x: m.isfinite(to_float(x))),
        isinf=Builtin("isinf", lambda x: m.isinf(to_float(x))),
        isnan=Builtin("isnan", lambda x: m.isnan(to_float(x))),
        isclose=Builtin("isclose", lambda a, b, rel_tol=1e-9, abs_tol=0.0: m.isclose(
            to_float(a), to_float(b), rel_tol=rel_tol, abs_tol=abs_tol)),
        modf=Builtin("modf", lambda x: m.modf(to_float(x))),
        frexp=Builtin("frexp", lambda x: m.frexp(to_float(x))),
        factorial=Builtin("factorial", _factorial),
    )  # fmt: skip
    return table


def _factorial(x: Any) -> int:
    if not isinstance(x, int) or x < 0:
        raise mp_error("ValueError", "factorial() not defined for negative values")
    return m.factorial(x)
