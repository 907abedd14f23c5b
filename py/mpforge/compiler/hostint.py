"""The arbitrary-precision integers of mpy-cross's constant folding.

A module of its own, left to the interpreter when the compiler is built native:
MpzInt subclasses int, which compiled classes cannot do.
"""

from __future__ import annotations

from typing import Any

# A folded integer: int or MpzInt. Typed Any so that compiled code keeps the object as
# it is: a value typed int is held as a native integer, which drops the subclass.
FoldedInt = Any


class MpzInt(int):
    """An int MicroPython holds as an arbitrary-precision (mpz) object while folding.

    mpy-cross folds on a 64-bit host: results that involve an mpz operand stay mpz
    objects even when small, and so become constant objects, not small-int opcodes.
    """
