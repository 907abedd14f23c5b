"""The diff of two perf result files, as the seed's commit message shows it:

    bm_chaos.py          13594.20 ->  13073.84 :  -520.36 =  -3.828% (+/-5.44%)

The error of the difference combines both files' standard deviations (root of the sum of
squares), as a percentage of the first score, as tests/run-perfbench.py computes it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..errors import MpforgeError


def load_result(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise MpforgeError(f"{path}: cannot read: {err.strerror}", 2) from None
    except json.JSONDecodeError as err:
        raise MpforgeError(f"{path}: not a perf result file: {err}", 2) from None
    if not isinstance(data, dict) or not isinstance(data.get("programs"), dict):
        raise MpforgeError(f"{path}: not a perf result file (no 'programs')", 2)
    return data


def diff_rows(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, float, float, float]]:
    """(program, score A, score B, error % of the difference) for programs scored in both."""
    rows = []
    for name in sorted(set(a["programs"]) & set(b["programs"])):
        pa, pb = a["programs"][name], b["programs"][name]
        if "score" not in pa or "score" not in pb:
            continue
        sa, sb = pa["score"], pb["score"]
        sd = math.hypot(pa["error"] * sa / 100, pb["error"] * sb / 100)
        rows.append((name, sa, sb, 100 * sd / sa if sa else 0.0))
    return rows


def format_diff(a: dict[str, Any], b: dict[str, Any], name_a: str = "A", name_b: str = "B"
                ) -> str:  # fmt: skip
    rows = diff_rows(a, b)
    same = (a.get("n"), a.get("m")) == (b.get("n"), b.get("m"))
    params = (f"N={a.get('n')} M={a.get('m')}" if same else
              f"N={a.get('n')} M={a.get('m')} vs N={b.get('n')} M={b.get('m')}")  # fmt: skip
    cells = [(name, f"{sa:.2f}", f"{sb:.2f}", f"{sb - sa:+.2f}",
              f"{100 * (sb - sa) / sa if sa else 0.0:+7.3f}", f"{err:.2f}")
             for name, sa, sb, err in rows]  # fmt: skip
    w = [max([len(c[i]) for c in cells] + [0]) for i in range(4)]
    w[0] = max(w[0], len(params))
    w[1], w[2] = max(w[1], len(name_a)), max(w[2], len(name_b))
    lines = [
        "diff of scores (higher is better)",
        f"{params:{w[0]}} {name_a:>{w[1]}} -> {name_b:>{w[2]}}   {'diff':>{w[3]}}   "
        f"{'diff':>7}% (error%)",
    ]
    for name, va, vb, d, pct, err in cells:
        lines.append(f"{name:{w[0]}} {va:>{w[1]}} -> {vb:>{w[2]}} : {d:>{w[3]}} = {pct}% "
                     f"(+/-{err}%)")  # fmt: skip
    # a program one file skipped: named once per distinct reason
    skipped = sorted({
        f"{name} ({p['skipped']})"
        for data in (a, b)
        for name, p in data["programs"].items()
        if "skipped" in p
    })  # fmt: skip
    if skipped:
        lines.append("skipped: " + "; ".join(skipped))
    return "\n".join(lines)
