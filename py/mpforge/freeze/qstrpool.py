"""The firmware's one qstr pool: static qstrs, then the runtime's, then the modules'.

Ids are fixed by position. The 165 static qstrs of .mpy v6 come first (id 1 onwards,
id 0 is the null qstr), so the index an .mpy file uses for a static qstr is the id in
the firmware. The runtime's C names a qstr as `MP_QSTR_<name>`, where a character that
cannot be in a C identifier is spelled `_xHH_`; the freezer finds those by scanning the
runtime sources, so a new name in C needs no list to be kept by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MpforgeError
from ..mpy.static_qstrs import STATIC_QSTRS
from .templating import c_ident

_MARKER = re.compile(r"\bMP_QSTR_(\w+)")
_ESCAPE = re.compile(r"_x([0-9a-f]{2})_")
MAX_QSTRS = 0xFFFF


def runtime_qstrs(sources: Iterable[Path]) -> list[str]:
    """Every qstr the runtime's C refers to, sorted (the scan order must not matter)."""
    found: set[str] = set()
    for path in sources:
        for name in _MARKER.findall(Path(path).read_text(encoding="utf-8")):
            found.add(_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), name))
    return sorted(found)


@dataclass
class QstrPool:
    strings: list[str] = field(default_factory=lambda: ["", *STATIC_QSTRS])
    ids: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # id 0 (null) shares its text with id 1 (''); lookups must find the real one
        for i, text in enumerate(self.strings):
            if i:
                self.ids.setdefault(text, i)

    @property
    def n_static(self) -> int:
        return len(STATIC_QSTRS)

    def add(self, text: str) -> int:
        found = self.ids.get(text)
        if found is not None:
            return found
        if len(self.strings) >= MAX_QSTRS:
            raise MpforgeError(f"too many qstrs for one firmware (more than {MAX_QSTRS})")
        # the pool stores each length, so a NUL is text like any other character
        if len(text.encode("utf-8", "surrogatepass")) > 0xFFFF:
            raise MpforgeError(f"qstr {text[:40]!r} cannot be interned (too long)")
        self.ids[text] = len(self.strings)
        self.strings.append(text)
        return self.ids[text]

    def enum_names(self) -> list[tuple[str, int]]:
        """(C name, id) for the header; a name two strings would share goes to the first."""
        seen: set[str] = set()
        out = []
        for i, text in enumerate(self.strings):
            if i == 0:
                continue
            name = "MP_QSTR_" + c_ident(text)
            if name not in seen:
                seen.add(name)
                out.append((name, i))
        return out
