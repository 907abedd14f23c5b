"""Parse-tree nodes, shaped like MicroPython's parse nodes.

The compiler's output depends on the tree's shape: which nodes carry a source line
(struct nodes do, leaves do not), which rules collapse to their single child, and
where constants were folded. So the tree mirrors MicroPython's: `Node` is a struct
node named after its grammar rule, everything else is a leaf.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from .hostint import FoldedInt, MpzInt

# A parse node: a Node, a leaf (Id, SmallInt, Str, Tok) or None for an empty optional
# part. Typed Any because the compiler dispatches on the node's class at run time, which
# the type checker cannot follow.
ParseNode = Any


@dataclass(slots=True)
class Node:
    """A grammar-rule node; `line` is the line of the rule's first token."""

    kind: str
    line: int
    args: list[ParseNode] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Id:
    name: str


@dataclass(frozen=True, slots=True)
class SmallInt:
    value: int


@dataclass(frozen=True, slots=True)
class Str:
    """An interned string constant (short, or already known as a qstr)."""

    value: str


@dataclass(frozen=True, slots=True)
class Tok:
    """A keyword or operator token kept in the tree: None/True/False/..., operators."""

    value: str


HOST_SMALL_INT_BITS: Final = 63


def host_int(value: int, from_mpz: bool) -> FoldedInt:
    """The folded value as the host compiler holds it: small int, or MpzInt."""
    limit = 1 << (HOST_SMALL_INT_BITS - 1)
    if from_mpz or not -limit <= value < limit:
        return MpzInt(value)
    return int(value)


# Const objects (long strings, bytes, floats, big ints, folded tuples) are struct
# nodes of kind "const_object" whose single argument is the Python value.
CONST_OBJECT: Final = "const_object"


def is_const_false(pn: object) -> bool:
    return (isinstance(pn, Tok) and pn.value == "False") or (
        isinstance(pn, SmallInt) and pn.value == 0
    )


def is_const_true(pn: object) -> bool:
    return (isinstance(pn, Tok) and pn.value == "True") or (
        isinstance(pn, SmallInt) and pn.value != 0
    )


def int_value(pn: object) -> FoldedInt | None:
    """The integer a node stands for, if it is an integer constant."""
    if isinstance(pn, SmallInt):
        return pn.value
    if isinstance(pn, Node) and pn.kind == CONST_OBJECT:
        value = pn.args[0]
        # no isinstance(value, int): compiled, that narrowing would hold the value as a
        # native integer and turn an MpzInt back into a plain int
        if issubclass(type(value), int) and type(value) is not bool:
            return value
    return None
