"""An SVG bar chart of a size report: flash and RAM by component, then the largest files.

Written by hand (a few rect and text elements) so the chart needs no plotting library;
every colour stands for one component, in the bars and in the legend alike.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from .report import COMPONENTS, SizeReport

COLOURS = {
    "runtime": "#4e79a7",
    "port": "#f28e2b",
    "frozen": "#59a14f",
    "libc/libgcc": "#e15759",
    "linker": "#9c755f",
    "unattributed": "#bab0ac",
}
FREE = "#e8e8e8"
WIDTH = 820
LEFT = 190  # room for the labels left of the bars
BAR_W = WIDTH - LEFT - 110  # and for the byte counts right of them


def _fmt(n: int) -> str:
    return f"{n / 1024:.1f} KiB" if n >= 10 * 1024 else f"{n:,} B"


class _Svg:
    def __init__(self) -> None:
        self.items: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str, title: str = "") -> None:
        tip = f"<title>{escape(title)}</title>" if title else ""
        self.items.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" '
                          f'height="{h:.1f}" fill="{fill}">{tip}</rect>')  # fmt: skip

    def text(self, x: float, y: float, s: str, anchor: str = "start", bold: bool = False) -> None:
        weight = ' font-weight="bold"' if bold else ""
        self.items.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{weight}>'
                          f"{escape(s)}</text>")  # fmt: skip

    def render(self, height: float) -> str:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
            f'viewBox="0 0 {WIDTH} {height:.0f}" font-family="sans-serif" font-size="12">\n'
            f'<rect width="100%" height="100%" fill="white"/>\n'
            + "\n".join(self.items)
            + "\n</svg>\n"
        )


def size_chart(r: SizeReport, top_files: int = 20) -> str:
    """The SVG text."""
    svg = _Svg()
    y = 24.0
    svg.text(10, y, f"{r.board or r.elf}: text {r.text:,}  data {r.data:,}  bss {r.bss:,}",
             bold=True)  # fmt: skip
    y += 20
    capacity = {u.region: u.size for u in r.regions}
    comps = [c for c in COMPONENTS if c in r.components.rows]
    memories = [
        ("flash", {c: r.components.rows[c]["text"] + r.components.rows[c]["data"] for c in comps},
         capacity.get("flash")),
        ("RAM", {c: r.components.rows[c]["data"] + r.components.rows[c]["bss"] for c in comps},
         capacity.get("ram")),
    ]  # fmt: skip
    for label, parts, size in memories:
        used = sum(parts.values())
        scale_to = max(size or used, used, 1)
        svg.text(LEFT - 8, y + 15, label, anchor="end", bold=True)
        svg.rect(LEFT, y, BAR_W, 22, FREE, f"{label}: {_fmt(size)} in all" if size else "")
        x = float(LEFT)
        for c in comps:
            w = BAR_W * parts[c] / scale_to
            svg.rect(x, y, w, 22, COLOURS[c], f"{c}: {parts[c]:,} bytes")
            x += w
        tail = f"{100 * used / size:.1f}% of {_fmt(size)}" if size else _fmt(used)
        svg.text(LEFT + BAR_W + 6, y + 15, tail)
        y += 30
    # legend: one swatch per component with its flash + RAM bytes
    x = 10.0
    y += 4
    for c in comps:
        svg.rect(x, y, 12, 12, COLOURS[c])
        label = f"{c} {_fmt(r.components.total(c))}"
        svg.text(x + 16, y + 11, label)
        x += 24 + 7 * len(label)
    y += 34
    svg.text(10, y, f"largest files (text + data + bss; of {len(r.files.rows)})", bold=True)
    y += 10
    keys = r.files.sorted_keys()[:top_files]
    biggest = max((r.files.total(k) for k in keys), default=1) or 1
    from .report import component_of

    for k in keys:
        total = r.files.total(k)
        comp = "linker" if k.startswith("(") else component_of(k)
        row = r.files.rows[k]
        svg.text(LEFT - 8, y + 13, k if len(k) <= 30 else "…" + k[-29:], anchor="end")
        svg.rect(LEFT, y + 2, BAR_W * total / biggest, 14, COLOURS.get(comp, "#888"),
                 f"{k}: text {row['text']:,} data {row['data']:,} bss {row['bss']:,}")  # fmt: skip
        svg.text(LEFT + BAR_W * total / biggest + 6, y + 13, _fmt(total))
        y += 18
    return svg.render(y + 14)
