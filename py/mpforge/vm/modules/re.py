"""`re` (extmod/modure.c): compile, match, search, sub, split and match objects."""

from __future__ import annotations

import re as host
from typing import Any

from ..objects import MISSING, Builtin, mp_error
from ..types import register_type


class Match:
    def __init__(self, m: host.Match[Any]) -> None:
        self.m = m

    def mp_getattr(self, name: str) -> Any:
        m = self.m
        if name == "group":
            return Builtin("group", self._group)
        if name in ("groups", "start", "end", "span"):
            return Builtin(name, getattr(m, name))
        return MISSING

    def _group(self, *args: Any) -> Any:
        try:
            return self.m.group(*args)
        except IndexError:
            raise mp_error("IndexError", "no such group") from None

    def mp_repr(self) -> str:
        return f"<match num={len(self.m.groups()) + 1}>"


# MicroPython's re (lib/re1.5) has no counted repeats: `{` and `}` are plain characters.
# Escaped for the host's re, which would read {m,n}; an escape pair is kept as it is.
_BRACE = host.compile(r"\\.|[{}]", host.DOTALL)


def _literal_braces(pattern: Any) -> Any:
    if isinstance(pattern, bytes):
        return _literal_braces(pattern.decode("latin-1")).encode("latin-1")
    if not isinstance(pattern, str):
        return pattern
    return _BRACE.sub(lambda m: m[0] if len(m[0]) == 2 else "\\" + m[0], pattern)


class Pattern:
    def __init__(self, pattern: Any, flags: int = 0) -> None:
        # flags are taken and ignored, as extmod/modure.c does (it has no IGNORECASE...)
        try:
            self.p = host.compile(_literal_braces(pattern))
        except host.error:
            raise mp_error("ValueError", "Error in regex") from None

    def mp_getattr(self, name: str) -> Any:
        if name in ("match", "search"):
            fn = getattr(self.p, name)
            return Builtin(name, lambda s, *a: _wrap(fn(s, *a)))
        if name == "sub":
            return Builtin("sub", self._sub)
        if name == "split":
            return Builtin("split", lambda s, maxsplit=0: self.p.split(s, maxsplit))
        return MISSING

    def _sub(self, repl: Any, string: Any, count: int = 0) -> Any:
        if callable(repl):
            return self.p.sub(lambda m: repl(Match(m)), string, count)
        return self.p.sub(repl, string, count)

    def mp_repr(self) -> str:
        return f"<re {id(self) & 0xFFFF:x}>"


def _wrap(m: Any) -> Any:
    return None if m is None else Match(m)


register_type("match", Match)
register_type("ure", Pattern)


def make(vm: Any) -> dict[str, Any]:
    return {
        "compile": Builtin("compile", Pattern),
        "match": Builtin("match", lambda p, s: _wrap(Pattern(p).p.match(s))),
        "search": Builtin("search", lambda p, s: _wrap(Pattern(p).p.search(s))),
        "sub": Builtin("sub", lambda p, r, s, count=0: Pattern(p)._sub(r, s, count)),
        "split": Builtin("split", lambda p, s, maxsplit=0: Pattern(p).p.split(s, maxsplit)),
        "DEBUG": 4096,
    }
