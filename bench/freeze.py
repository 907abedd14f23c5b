"""Frozen size and freeze time: ROM bytes of frozen modules against their .mpy sizes.

    python3 bench/freeze.py [--modules 300]

The module set: tests/basics and tests/compiler_cases (and ~/.cache/mpforge/corpus if
tools/fetch_corpus.py made it), compiled by mpy-cross v1.19. Modules with constants the
C runtime cannot hold yet (big int, float, complex, bytes, tuple) are left out and
counted. ROM bytes are text + rodata of frozen_content.c compiled with -Os for the host
(gcc) and ARM (arm-none-eabi-gcc, Cortex-M4 thumb), minus the same file with no
modules (the runtime's own qstrs), read with pyelftools. Freeze time is for N modules
(the set replicated under new names): .mpy bytes -> load_mpy -> C text.

Prints a table and saves bench/results/freeze-<UTC date>.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from elftools.elf.elffile import ELFFile
from mpforge.errors import MpforgeError
from mpforge.freeze import freeze
from mpforge.freeze.project import RUNTIME_DIR, runtime_sources
from mpforge.mpy.mpyfile import CompiledModule, load_mpy

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path.home() / ".cache" / "mpforge" / "corpus"
COMPILERS = {
    "host": ["gcc", "-Os"],
    "arm": ["arm-none-eabi-gcc", "-Os", "-mthumb", "-mcpu=cortex-m4"],
}


def module_set(work: Path) -> dict[str, bytes]:
    sources = sorted((ROOT / "tests" / "basics").glob("*.py"))
    sources += sorted((ROOT / "tests" / "compiler_cases").glob("*.py"))
    if CORPUS.is_dir():
        sources += sorted(CORPUS.rglob("*.py"))
    out: dict[str, bytes] = {}
    for i, src in enumerate(sources):
        target = work / f"m{i}.mpy"
        result = subprocess.run(
            [sys.executable, "-m", "mpy_cross_v6", str(src), "-s", src.name, "-o", str(target)],
            capture_output=True,
        )
        if result.returncode == 0:
            out[f"m{i}_{src.stem}"] = target.read_bytes()
    return out


def rom_bytes(c_file: Path, argv: list[str]) -> int:
    obj = c_file.with_suffix(f".{argv[0]}.o")
    subprocess.run(
        [*argv, "-std=c11", "-c", str(c_file), f"-I{RUNTIME_DIR}", f"-I{c_file.parent}",
         "-o", str(obj)],
        check=True,
    )  # fmt: skip
    with obj.open("rb") as f:
        elf = ELFFile(f)
        return sum(
            s["sh_size"]
            for s in elf.iter_sections()
            # a PIE host compiler puts const data holding pointers in .data.rel.ro
            if s.name.startswith((".text", ".rodata", ".data.rel.ro"))
            and s["sh_type"] != "SHT_NOBITS"
        )


def frozen_rom(modules: list[tuple[str, CompiledModule]], work: Path) -> dict[str, int]:
    files = freeze(modules, runtime_sources()).files
    (work / "genhdr").mkdir(exist_ok=True)
    (work / "genhdr" / "qstrdefs.generated.h").write_text(files["qstrdefs.generated.h"])
    c_file = work / "frozen_content.c"
    c_file.write_text(files["frozen_content.c"])
    return {target: rom_bytes(c_file, argv) for target, argv in COMPILERS.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=300, help="modules to time freezing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        mpys = module_set(work)
        frozen: list[tuple[str, CompiledModule]] = []
        skipped = []
        for name, data in mpys.items():
            module = load_mpy(data, name)
            try:
                freeze([(name, module)], [])
            except MpforgeError:
                skipped.append(name)
                continue
            frozen.append((name, module))
        mpy_bytes = sum(len(mpys[name]) for name, _ in frozen)
        with_modules = frozen_rom(frozen, work)
        baseline = frozen_rom([], work)
        rom = {t: with_modules[t] - baseline[t] for t in COMPILERS}

        # freeze time: N modules from .mpy bytes to C text, the set replicated
        items = [(n, mpys[n]) for n, _ in frozen]
        batch = [(f"{name}_{i}", data) for i in range(args.modules // len(items) + 1)
                 for name, data in items][: args.modules]  # fmt: skip
        sources = runtime_sources()
        start = time.perf_counter()
        loaded = [(name, load_mpy(data, name)) for name, data in batch]
        result = freeze(loaded, sources)
        freeze_s = time.perf_counter() - start
        c_bytes = len(result.files["frozen_content.c"])

    record = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "host": platform.node(),
        "python": platform.python_version(),
        "modules_frozen": len(frozen),
        "modules_skipped": len(skipped),
        "mpy_bytes": mpy_bytes,
        "rom_bytes": rom,
        "rom_bytes_with_runtime_qstrs": with_modules,
        "freeze_modules": len(batch),
        "freeze_seconds": round(freeze_s, 3),
        "freeze_c_bytes": c_bytes,
    }
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    out = results / f"freeze-{datetime.now(UTC).date()}.json"
    out.write_text(json.dumps(record, indent=2) + "\n")
    print(f"{len(frozen)} modules frozen ({len(skipped)} left out: constants the C runtime lacks)")
    print(f"{'':24}{'bytes':>10}{'vs .mpy':>10}")
    print(f"{'.mpy files':24}{mpy_bytes:>10}{'1.00':>10}")
    for target, n in rom.items():
        print(f"{'ROM frozen, ' + target:24}{n:>10}{n / mpy_bytes:>10.2f}")
    print(f"freeze {len(batch)} modules: {freeze_s:.2f} s ({c_bytes} bytes of C)")
    print(f"saved {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
