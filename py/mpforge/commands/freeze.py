"""`mpforge freeze`: a manifest's modules to C, outside SCons."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import command
from ..freeze.project import RUNTIME_DIR, freeze_manifest


def _setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("manifest", metavar="MANIFEST", help="manifest.yaml or manifest.py")
    p.add_argument("-o", dest="output", required=True, metavar="frozen.c",
                   help="the C file; genhdr/qstrdefs.generated.h goes beside it")  # fmt: skip
    p.add_argument("--lib", dest="lib", metavar="DIR",
                   help="micropython-lib for require() (default: $MPY_LIB_DIR)")  # fmt: skip
    p.add_argument("--runtime", dest="runtime", metavar="DIR", default=str(RUNTIME_DIR),
                   help="the C runtime whose qstrs the pool holds")  # fmt: skip


@command("freeze", "freeze a manifest's modules into C (frozen.c + qstr header)", _setup)
def cmd_freeze(args: argparse.Namespace) -> int:
    result = freeze_manifest(
        Path(args.manifest), Path(args.runtime), Path(args.lib) if args.lib else None
    )
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(result.files["frozen_content.c"], encoding="utf-8")
    # the runtime's headers include it as "genhdr/qstrdefs.generated.h"
    genhdr = out.parent / "genhdr"
    genhdr.mkdir(exist_ok=True)
    (genhdr / "qstrdefs.generated.h").write_text(
        result.files["qstrdefs.generated.h"], encoding="utf-8"
    )
    stats = result.stats
    print(
        f"{len(stats.modules)} modules, {stats.bytecode_bytes} bytes of bytecode, "
        f"{stats.n_qstrs} qstrs ({stats.qstr_bytes} bytes)"
    )
    return 0
