"""What takes the room in a firmware: sizes, largest symbols, components and files.

`analyse(elf)` reads the ELF (pyelftools) and, when one lies beside it, the linker map
the build writes (`firmware.map`): the map attributes every input section to an object
file, and each object belongs to one component. Without a map, an ELF with DWARF is
attributed by compilation unit; otherwise only the totals and symbols are known.

Sizes are split the way size(1) splits them: text (loaded, read-only), data (loaded,
writable: in RAM, its initial values in flash) and bss (RAM only). Whatever the map does
not attribute (padding, linker-generated sections) is the component `linker`, so the
components of a kind always add up to that kind's total.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MpforgeError
from . import RegionUse, Section, elf_sections, region_use, sizes
from .mapfile import InputSection, load_map

KINDS = ("text", "data", "bss")
# input sections the linker makes for a dynamically linked (PIE) host program
_LINKER_MADE = re.compile(
    r"\.(rela?\.|dyn|gnu\.hash|gnu\.version|hash$|interp$|note\.gnu\.property$|got|plt|"
    r"eh_frame_hdr$)"
)
COMPONENTS = ("runtime", "port", "frozen", "libc/libgcc", "linker", "unattributed")


@dataclass(frozen=True)
class Symbol:
    name: str
    address: int
    size: int
    kind: str  # text, data or bss: the section it lives in
    obj: str  # object file (relative to the build directory), "" when unknown


@dataclass
class Breakdown:
    """Bytes of each kind (text/data/bss) per key."""

    rows: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, key: str, kind: str, n: int) -> None:
        row = self.rows.setdefault(key, dict.fromkeys(KINDS, 0))
        row[kind] += n

    def total(self, key: str) -> int:
        return sum(self.rows[key].values())

    def flash(self, key: str) -> int:
        return self.rows[key]["text"] + self.rows[key]["data"]

    def sorted_keys(self) -> list[str]:
        return sorted(self.rows, key=lambda k: (-self.total(k), k))


@dataclass
class SizeReport:
    elf: str
    board: str
    text: int
    data: int
    bss: int
    regions: list[RegionUse]
    symbols: list[Symbol]  # every sized symbol, largest first
    components: Breakdown
    files: Breakdown
    source: str  # what attributed bytes to files: "map", "dwarf" or "none"

    @property
    def total(self) -> int:
        return self.text + self.data + self.bss

    def to_json(self, top: int = 20) -> dict[str, Any]:
        return {
            "elf": self.elf,
            "board": self.board,
            "text": self.text,
            "data": self.data,
            "bss": self.bss,
            "total": self.total,
            "regions": {
                u.region: {"used": u.used, "size": u.size, "origin": u.origin} for u in self.regions
            },
            "attributed_by": self.source,
            "components": {k: self.components.rows[k] for k in self.components.sorted_keys()},
            "files": {k: self.files.rows[k] for k in self.files.sorted_keys()},
            "symbols": [asdict(s) for s in self.symbols[:top]],
        }


def section_kind(s: Section) -> str:
    if not s.loaded:
        return "bss"
    return "data" if s.writable else "text"


def component_of(obj: str) -> str:
    """The component a file (a source path, or an object relative to the build
    directory) belongs to."""
    if not obj:
        return "linker"
    name = obj.replace("\\", "/")
    top = name.split("/", 1)[0]
    if name.rsplit("/", 1)[-1].startswith("frozen") or top == "frozen":
        return "frozen"  # the generated frozen_content.c, wherever the build dir is
    if "(" in name or name.endswith(".a") or name.startswith("/"):
        return "libc/libgcc"  # archive members and objects from outside the build: the toolchain's
    if top == "runtime":
        return "runtime"
    if top == "libc":
        return "libc/libgcc"  # a port's own libc (esp8266) is still libc
    return "port"


def _recorded_sources(elf: Path) -> dict[str, str]:
    """Object path (as the linker map writes it) -> source file, from the build's
    `<elf>.objects.json`; empty for an ELF built elsewhere."""
    recorded = elf.with_name(elf.name + ".objects.json")
    if not recorded.exists():
        return {}
    data = json.loads(recorded.read_text())
    root = data["root"]
    out = {}
    for obj, src in data["objects"].items():
        out[obj] = src
        if obj.startswith(root + "/"):
            out[obj[len(root) + 1 :]] = src  # the map's relative spelling
    return out


def _relative(obj: str, build_dir: Path, sources: dict[str, str] | None = None) -> str:
    """The source file an object was built from when the build recorded it
    (`<elf>.objects.json`), else the object path relative to the build directory;
    archive members keep only the archive's file name (`libc_nano.a(lib_a-memcpy.o)`),
    other outside paths stay whole."""
    if sources and obj in sources:
        return sources[obj]
    base = str(build_dir.resolve()).rstrip("/") + "/"
    if obj.startswith(base):
        return obj[len(base) :]
    if "(" in obj:
        archive, member = obj.split("(", 1)
        return f"{Path(archive).name}({member}"
    return obj


def _elf_symbols(elf: Path) -> list[tuple[str, int, int, int]]:
    """(name, address, size, section index) of every sized function and object."""
    from elftools.common.exceptions import ELFError
    from elftools.elf.elffile import ELFFile
    from elftools.elf.sections import SymbolTableSection

    try:
        with open(elf, "rb") as f:
            ef = ELFFile(f)
            out = []
            for sec in ef.iter_sections():
                if not isinstance(sec, SymbolTableSection) or sec.name != ".symtab":
                    continue
                for sym in sec.iter_symbols():
                    e = sym.entry
                    if e.st_size == 0 or e.st_info.type not in ("STT_FUNC", "STT_OBJECT"):
                        continue
                    if not isinstance(e.st_shndx, int):
                        continue
                    out.append((sym.name, e.st_value & ~1 if e.st_info.type == "STT_FUNC"
                                else e.st_value, e.st_size, e.st_shndx))  # fmt: skip
            return out
    except (OSError, ELFError) as err:
        raise MpforgeError(f"{elf}: not a readable ELF file: {err}") from None


def _section_names(elf: Path) -> dict[int, str]:
    from elftools.elf.elffile import ELFFile

    with open(elf, "rb") as f:
        return {i: s.name for i, s in enumerate(ELFFile(f).iter_sections())}


class _Attributor:
    """Address -> object file, from the map's input sections of one output section."""

    def __init__(
        self, inputs: list[InputSection], build_dir: Path, sources: dict[str, str]
    ) -> None:
        self.by_output: dict[str, tuple[list[int], list[InputSection]]] = {}
        grouped: dict[str, list[InputSection]] = defaultdict(list)
        for s in inputs:
            grouped[s.output].append(s)
        for name, items in grouped.items():
            items.sort(key=lambda s: s.address)
            self.by_output[name] = ([s.address for s in items], items)
        self.build_dir = build_dir
        self.sources = sources

    def object_at(self, output: str, address: int) -> str:
        starts, items = self.by_output.get(output, ([], []))
        i = bisect.bisect_right(starts, address) - 1
        if i >= 0 and address < items[i].address + items[i].size:
            return _relative(items[i].obj, self.build_dir, self.sources)
        return ""


def _dwarf_units(elf: Path) -> list[tuple[int, int, str]]:
    """(low, high, source file) of each compilation unit with an address range."""
    from elftools.elf.elffile import ELFFile

    with open(elf, "rb") as f:
        ef = ELFFile(f)
        if not ef.has_dwarf_info():
            return []
        dwarf = ef.get_dwarf_info()
        ranges = []
        for cu in dwarf.iter_CUs():
            top = cu.get_top_DIE()
            name = top.attributes.get("DW_AT_name")
            low = top.attributes.get("DW_AT_low_pc")
            high = top.attributes.get("DW_AT_high_pc")
            if name is None or low is None or high is None:
                continue
            hi = high.value if high.form == "DW_FORM_addr" else low.value + high.value
            ranges.append((low.value, hi, name.value.decode(errors="replace")))
        return sorted(ranges)


def _clip_merged(inputs: list[InputSection], sections: list[Section]) -> list[InputSection]:
    """Input sections clipped to where the next one starts. Merged string sections
    (`.rodata.f.str1.1`) are listed at their size before merging, several at one
    address; clipped, each keeps only the bytes that are its own in the output."""
    end = {s.name: s.vma + s.size for s in sections}
    grouped: dict[str, list[InputSection]] = defaultdict(list)
    for s in inputs:
        grouped[s.output].append(s)
    out = []
    for output, items in grouped.items():
        items.sort(key=lambda s: s.address)  # stable: map order among equal addresses
        for s, after in zip(items, items[1:] + [None], strict=True):
            limit = after.address if after is not None else end[output]
            size = max(0, min(s.size, limit - s.address))
            if size:
                out.append(InputSection(s.output, s.name, s.address, size, s.obj))
    return out


def find_map(elf: Path) -> Path | None:
    """The build writes `firmware.map` beside `firmware.elf` (and `firmware`, unix)."""
    candidate = elf.with_suffix(".map") if elf.suffix == ".elf" else elf.parent / f"{elf.name}.map"
    if candidate.is_file():
        return candidate
    beside = elf.parent / "firmware.map"
    return beside if beside.is_file() else None


def analyse(
    elf: Path, memory: dict[str, Any] | None = None, board: str = "", map_path: Path | None = None
) -> SizeReport:
    """The whole report for one ELF; `memory` (the board's map) gives region use."""
    sections = elf_sections(elf)  # raises a one-line error for a non-ELF
    totals = sizes(elf)
    kind_of_section = {s.name: section_kind(s) for s in sections}
    map_path = map_path or find_map(elf)
    build_dir = elf.resolve().parent

    components = Breakdown()
    files = Breakdown()
    attributor: _Attributor | None = None
    units: list[tuple[int, int, str]] = []
    source = "none"
    if map_path is not None:
        inputs = _clip_merged(
            [s for s in load_map(map_path) if s.output in kind_of_section], sections
        )
        sources = _recorded_sources(elf)
        attributor = _Attributor(inputs, build_dir, sources)
        source = "map"
        placed: dict[str, int] = defaultdict(int)
        for s in inputs:
            kind = kind_of_section[s.output]
            placed[s.output] += s.size
            if _LINKER_MADE.match(s.name):
                # made by the linker, though the map files it under the first object
                files.add(f"({s.output})", kind, s.size)
                components.add("linker", kind, s.size)
                continue
            obj = _relative(s.obj, build_dir, sources)
            files.add(obj, kind, s.size)
            components.add(component_of(obj), kind, s.size)
        for sec in sections:
            # what no input section accounts for: a section the linker script reserves
            # (.stack) or alignment fill and linker stubs inside one
            rest = sec.size - placed.get(sec.name, 0)
            if rest > 0:
                key = f"({sec.name})" if rest == sec.size else "(fill)"
                components.add("linker", section_kind(sec), rest)
                files.add(key, section_kind(sec), rest)
    else:
        # no objects known: components cannot be told apart, the totals still show
        units = _dwarf_units(elf)
        source = "dwarf" if units else "none"
        for sec in sections:
            components.add("unattributed", section_kind(sec), sec.size)

    names = _section_names(elf)
    unit_starts = [u[0] for u in units]
    symbols = []
    for name, addr, size, shndx in _elf_symbols(elf):
        sec_name = names.get(shndx, "")
        kind = kind_of_section.get(sec_name)
        if kind is None:
            continue
        obj = ""
        if attributor is not None:
            obj = attributor.object_at(sec_name, addr)
        elif units:
            i = bisect.bisect_right(unit_starts, addr) - 1
            if i >= 0 and addr < units[i][1]:
                obj = units[i][2]
        symbols.append(Symbol(name, addr, size, kind, obj))
    symbols.sort(key=lambda s: (-s.size, s.name))
    if source == "dwarf":
        # DWARF ranges cover code only: files are what the symbols in them add up to
        for s in symbols:
            if s.obj:
                files.add(s.obj, s.kind, s.size)

    regions = region_use(elf, memory) if memory else []
    return SizeReport(str(elf), board, totals.text, totals.data, totals.bss, regions, symbols,
                      components, files, source)  # fmt: skip


def format_report(r: SizeReport, top: int = 15) -> str:
    """The text `scons board=X size` and `mpforge size` print."""
    lines = [f"{r.board or Path(r.elf).name}: text {r.text:,}  data {r.data:,}  bss {r.bss:,}"
             f"  (flash {r.text + r.data:,}, RAM {r.data + r.bss:,})"]  # fmt: skip
    for u in r.regions:
        pct = 100 * u.used / u.size if u.size else 0.0
        lines.append(f"  {u.region:6s} {u.used:>9,} of {u.size:>9,} bytes  {pct:5.1f}%"
                     + (f"  OVERFLOW by {u.overflow:,}" if u.overflow else ""))  # fmt: skip
    lines.append("")
    lines.append(_table("component", r.components, None))
    lines.append("")
    lines.append(_table("file", r.files, top))
    lines.append("")
    lines.append(f"{'largest symbols':40s} {'bytes':>8s}  kind  file")
    for s in r.symbols[:top]:
        lines.append(f"{s.name[:40]:40s} {s.size:8,}  {s.kind:4s}  {s.obj or '-'}")
    if r.source == "none":
        lines.append("(no firmware.map beside the ELF and no DWARF: files not attributed)")
    return "\n".join(lines)


def _table(title: str, b: Breakdown, top: int | None) -> str:
    keys = b.sorted_keys()
    shown = keys if top is None else keys[:top]
    width = max([len(title)] + [len(k) for k in shown])
    lines = [f"{title:{width}s} {'text':>9s} {'data':>7s} {'bss':>7s} {'total':>9s}"]
    for k in shown:
        row = b.rows[k]
        lines.append(f"{k:{width}s} {row['text']:9,} {row['data']:7,} {row['bss']:7,}"
                     f" {b.total(k):9,}")  # fmt: skip
    if len(keys) > len(shown):
        rest = keys[len(shown) :]
        lines.append(f"{f'({len(rest)} more)':{width}s} "
                     f"{sum(b.total(k) for k in rest):>35,}")  # fmt: skip
    return "\n".join(lines)
