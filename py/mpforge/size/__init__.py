"""Firmware size from the ELF (pyelftools): text/data/bss, and use of each memory region.

A section counts against flash where it is loaded (its LMA: .data's initial values
live in flash) and against RAM where it runs (its VMA), as the linker places them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import MpforgeError


@dataclass(frozen=True)
class Sizes:
    text: int
    data: int
    bss: int


@dataclass(frozen=True)
class RegionUse:
    region: str
    origin: int
    size: int
    used: int

    @property
    def overflow(self) -> int:
        return max(0, self.used - self.size)


@dataclass(frozen=True)
class Section:
    name: str
    vma: int
    lma: int
    size: int
    loaded: bool  # has file contents (PROGBITS), not NOBITS like .bss
    writable: bool
    executable: bool


def elf_sections(elf: Path) -> list[Section]:
    """The allocated sections of `elf` with their run (VMA) and load (LMA) addresses."""
    from elftools.common.exceptions import ELFError
    from elftools.elf.elffile import ELFFile

    try:
        with open(elf, "rb") as f:
            ef = ELFFile(f)
            segments = [s.header for s in ef.iter_segments() if s.header.p_type == "PT_LOAD"]
            out = []
            for sec in ef.iter_sections():
                h = sec.header
                if not h.sh_flags & 0x2 or h.sh_size == 0:  # SHF_ALLOC
                    continue
                lma = h.sh_addr
                for seg in segments:
                    if seg.p_vaddr <= h.sh_addr < seg.p_vaddr + max(seg.p_memsz, 1):
                        lma = seg.p_paddr + (h.sh_addr - seg.p_vaddr)
                        break
                out.append(
                    Section(
                        name=sec.name,
                        vma=h.sh_addr,
                        lma=lma,
                        size=h.sh_size,
                        loaded=h.sh_type != "SHT_NOBITS",
                        writable=bool(h.sh_flags & 0x1),
                        executable=bool(h.sh_flags & 0x4),
                    )
                )
            return out
    except (OSError, ELFError) as err:
        raise MpforgeError(f"{elf}: not a readable ELF file: {err}") from None


def sizes(elf: Path) -> Sizes:
    """text/data/bss as binutils' size(1) counts them (Berkeley format)."""
    text = data = bss = 0
    for s in elf_sections(elf):
        if not s.loaded:
            bss += s.size
        elif s.writable:
            data += s.size
        else:
            text += s.size
    return Sizes(text, data, bss)


def _region_of(addr: int, memory: dict[str, Any]) -> str | None:
    """The region an address belongs to: the one with the highest origin at or below it
    (so a section pushed past its region's end still counts against that region)."""
    best: tuple[int, str] | None = None
    for name, spec in memory.items():
        if spec["origin"] <= addr and (best is None or spec["origin"] > best[0]):
            best = (spec["origin"], name)
    return best[1] if best else None


def region_use(elf: Path, memory: dict[str, Any]) -> list[RegionUse]:
    """Bytes of each region of `memory` (the board's map) the ELF occupies, from the
    region's origin to the end of the last section in it."""
    used = dict.fromkeys(memory, 0)
    for s in elf_sections(elf):
        places = {s.vma}
        if s.loaded:
            places.add(s.lma)  # .data: runs in RAM, its initial values are in flash
        for addr in places:
            region = _region_of(addr, memory)
            if region is not None:
                end = addr + s.size - memory[region]["origin"]
                used[region] = max(used[region], end)
    return [
        RegionUse(name, spec["origin"], spec["size"], used[name]) for name, spec in memory.items()
    ]


def check_fits(elf: Path, memory: dict[str, Any]) -> list[RegionUse]:
    """MpforgeError naming every region the firmware overflows, with sizes."""
    use = region_use(elf, memory)
    over = [u for u in use if u.overflow]
    if over:
        parts = [
            f"{u.region} {u.used:,} bytes of {u.size:,} (overflow by {u.overflow:,})" for u in over
        ]
        raise MpforgeError(f"{elf.name} does not fit: {'; '.join(parts)}", 2)
    return use
