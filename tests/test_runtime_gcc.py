"""Build the C runtime and the unix port with gcc, for the runtime tests.

A stand-in until the runtime tests use `scons board=unix`: generate genhdr/ with the
freezer, compile runtime/*.c + ports/unix/main.c + frozen_content.c in one gcc call.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mpforge.freeze import freeze_modules, render_opcodes_header
from mpforge.mpy.mpyfile import CompiledModule, load_mpy

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = ROOT / "runtime"
CFLAGS = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-O1", "-g"]
SANITIZE = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all"]


def runtime_sources() -> list[Path]:
    return sorted(RUNTIME.glob("*.[ch]"))


def generate(build_dir: Path, modules: list[tuple[str, CompiledModule]]) -> Path:
    genhdr = build_dir / "genhdr"
    genhdr.mkdir(parents=True, exist_ok=True)
    for name, text in freeze_modules(modules, runtime_sources()).items():
        (genhdr / name).write_text(text)
    (genhdr / "opcodes.h").write_text(render_opcodes_header())
    return genhdr


def build_firmware(build_dir: Path, modules: list[tuple[str, CompiledModule]]) -> Path:
    """The unix firmware with `modules` frozen, compiled warning-free and sanitized."""
    genhdr = generate(build_dir, modules)
    out = build_dir / "firmware"
    loader = ROOT / "ports/loader"  # the unix port's --serial mode
    sources = [*RUNTIME.glob("*.c"), ROOT / "ports/unix/main.c", genhdr / "frozen_content.c"]
    sources.append(loader / "mpfloader.c")
    cmd = ["gcc", *CFLAGS, *SANITIZE, f"-I{RUNTIME}", f"-I{build_dir}", f"-I{loader}"]
    cmd += ["-o", str(out)]
    result = subprocess.run([*cmd, *map(str, sources), "-lm"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def reference_module(source: str, build_dir: Path, name: str = "main.py") -> CompiledModule:
    """`source` compiled by the reference mpy-cross, as file `name`."""
    return load_mpy(reference_mpy(source, build_dir, name), name)


def reference_mpy(source: str, build_dir: Path, name: str = "main.py") -> bytes:
    build_dir.mkdir(parents=True, exist_ok=True)
    src = build_dir / name
    src.write_text(source)
    out = src.with_suffix(".mpy")
    subprocess.run(
        [sys.executable, "-m", "mpy_cross_v6", "-s", name, "-o", str(out), str(src)],
        check=True,
        capture_output=True,
    )
    return out.read_bytes()


def run(firmware: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(firmware), *map(str, args)],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=60,
    )


def test_runtime_compiles_for_cortex_m4_without_warnings(tmp_path: Path) -> None:
    module = reference_module("print('hi')\n", tmp_path / "src")
    genhdr = generate(tmp_path, [("main", module)])
    for source in [*sorted(RUNTIME.glob("*.c")), genhdr / "frozen_content.c"]:
        result = subprocess.run(
            ["arm-none-eabi-gcc", *CFLAGS, "-Os", "-mcpu=cortex-m4", "-mthumb",
             f"-I{RUNTIME}", f"-I{tmp_path}", "-c", str(source), "-o", str(tmp_path / "x.o")],
            capture_output=True,
            text=True,
        )  # fmt: skip
        assert result.returncode == 0, f"{source.name}: {result.stderr}"
