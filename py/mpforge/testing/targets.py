"""Targets a program runs on: the Python-hosted VM, the unix firmware, QEMU boards.

Each declares the runtime features it has; `run` compiles the program with our
compiler and returns (exit status, output).
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MpforgeError

ALL_FEATURES = frozenset({"bigint", "float", "complex", "classes", "exceptions", "generators",
                          "async", "modules", "datatypes", "io"})  # fmt: skip


@dataclass
class Target:
    name: str
    features: frozenset[str]
    run: Callable[[Path], tuple[int, str]]
    prepare: Callable[[list[Path]], None] = field(default=lambda programs: None)

    def missing(self, requires: frozenset[str]) -> frozenset[str]:
        return requires - self.features


def _compile(path: Path) -> bytes:
    from ..compiler import compile_source

    return compile_source(path.read_text(), path.name)


def _compile_reference(path: Path) -> bytes:
    """mpy-cross v1.19 (PyPI mpy-cross-v6), the reference our compiler is held to."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "prog.mpy"
        result = subprocess.run(
            [sys.executable, "-m", "mpy_cross_v6", "-s", path.name, "-o", str(out), str(path)],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            raise MpforgeError(f"mpy-cross failed on {path.name}:\n{result.stdout}{result.stderr}")
        return out.read_bytes()


def run_on_pyvm(path: Path, compiler: Callable[[Path], bytes] = _compile) -> tuple[int, str]:
    from ..mpy.mpyfile import load_mpy
    from ..vm import run_module

    module = load_mpy(compiler(path), path.name)
    out = io.StringIO()
    err = io.StringIO()
    status = run_module(
        module, stdout=out, stderr=err, argv=[str(path)], search_dir=str(path.parent)
    )
    return status, out.getvalue() + err.getvalue()


class _FirmwareTarget:
    """unix and QEMU boards: built once by scons (boards freeze every program)."""

    def __init__(self, board: str) -> None:
        self.board = board
        self.build_dir: Path | None = None

    def prepare(self, programs: list[Path]) -> None:
        root = Path(__file__).resolve().parents[3]
        work = Path(tempfile.mkdtemp(prefix=f"mpforge-test-{self.board}-"))
        src = work / "src"
        src.mkdir()
        modules = ["main.py"] if self.board == "unix" else [p.name for p in programs]
        if self.board == "unix":
            (src / "main.py").write_text((root / "frozen" / "main.py").read_text())
        else:
            for p in programs:
                (src / p.name).write_text(p.read_text())
        manifest = src / "manifest.yaml"
        manifest.write_text("modules:\n" + "".join(f"  - {m}\n" for m in modules))
        out = work / "build"
        result = subprocess.run(
            [sys.executable, "-m", "SCons", "-C", str(root), f"board={self.board}",
             f"build_dir={out}", f"manifest={manifest}"],
            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=1200,
        )  # fmt: skip
        if result.returncode != 0:
            raise MpforgeError(f"build of {self.board} failed:\n{result.stdout}{result.stderr}")
        self.build_dir = out

    def run(self, path: Path) -> tuple[int, str]:
        from ..deploy.qemu import run_host, run_qemu

        assert self.build_dir is not None, "prepare() builds the firmware first"
        if self.board == "unix":
            with tempfile.TemporaryDirectory() as tmp:
                mpy = Path(tmp) / path.with_suffix(".mpy").name
                mpy.write_bytes(_compile(path))
                result = run_host(self.build_dir / "firmware", [str(mpy)], timeout=60, echo=None)
        else:
            machine = _QEMU_MACHINES.get(self.board, self.board)
            result = run_qemu(
                self.build_dir / "firmware.elf", machine, module=path.stem, timeout=60, echo=None
            )
        return result.status, result.output


# QEMU's model of each board's MCU (netduinoplus2 is the pyboard's STM32F405)
_QEMU_MACHINES = {"PYBV10": "netduinoplus2"}

# What the C runtime has today: none of the optional features (see docs/architecture.md)
_FIRMWARE_FEATURES: frozenset[str] = frozenset()


def get_target(name: str) -> Target:
    if name == "pyvm":
        return Target("pyvm", ALL_FEATURES, run_on_pyvm)
    if name == "pyvm-mpy-cross":  # the VM on the reference compiler's bytecode
        return Target(name, ALL_FEATURES, lambda p: run_on_pyvm(p, _compile_reference))
    fw = _FirmwareTarget(name)
    return Target(name, _FIRMWARE_FEATURES, fw.run, fw.prepare)


TARGETS = ("pyvm", "unix")
