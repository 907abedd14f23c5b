"""`cmath` (py/modcmath.c)."""

from __future__ import annotations

import cmath as c
from typing import Any

from ..objects import Builtin, mp_error


def _wrap(name: str) -> Builtin:
    fn = getattr(c, name)

    def impl(*args: Any) -> Any:
        try:
            return fn(*(complex(a) if not isinstance(a, complex) else a for a in args))
        except (ValueError, ZeroDivisionError):
            raise mp_error("ValueError", "math domain error") from None
        except TypeError:
            raise mp_error("TypeError", "can't convert to complex") from None

    return Builtin(name, impl)


def make(vm: Any) -> dict[str, Any]:
    table: dict[str, Any] = {n: _wrap(n) for n in ("exp", "log", "log10", "sqrt", "cos", "sin")}
    table["phase"] = Builtin("phase", lambda z: c.phase(complex(z)))
    table["polar"] = Builtin("polar", lambda z: c.polar(complex(z)))
    table["rect"] = Builtin("rect", lambda r, p: c.rect(r, p))
    table["e"] = c.e
    table["pi"] = c.pi
    return table
