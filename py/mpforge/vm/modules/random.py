"""`random` (extmod/modurandom.c): getrandbits, seed and the extra functions."""

from __future__ import annotations

import random as r
from typing import Any

from ..objects import Builtin, mp_error


def make(vm: Any) -> dict[str, Any]:
    gen = r.Random()

    def getrandbits(n: int) -> int:
        if not 0 <= n <= 32:
            raise mp_error("ValueError")
        return gen.getrandbits(n) if n else 0

    def randrange(*args: int) -> int:
        try:
            return gen.randrange(*args)
        except ValueError:
            raise mp_error("ValueError") from None

    def choice(seq: Any) -> Any:
        if not len(seq):
            raise mp_error("IndexError")
        return seq[gen.randrange(len(seq))]

    return {
        "getrandbits": Builtin("getrandbits", getrandbits),
        "seed": Builtin("seed", lambda *a: gen.seed(*a)),
        "randrange": Builtin("randrange", randrange),
        "randint": Builtin("randint", lambda a, b: randrange(a, b + 1)),
        "choice": Builtin("choice", choice),
        "random": Builtin("random", gen.random),
        "uniform": Builtin("uniform", gen.uniform),
    }
