"""Targets a program runs on: the Python-hosted VM, the unix firmware, QEMU boards.

Each declares the runtime features it has; `run` compiles the program with our
compiler and returns (exit status, output).
"""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MpforgeError

# What a program can need beyond tests/basics (small ints, str, functions, closures,
# if/while/for): arbitrary-precision ints, float, complex, classes, try/raise/with,
# generators, async/await, import, list/tuple/dict/set/bytes, io, the full set of
# MicroPython's builtin functions (`builtins`), the `time` module's ticks and sleeps, and
# a compiler on the target for eval/exec (`compiler`: MicroPython's
# MICROPY_ENABLE_COMPILER; the C runtime has none, programs reach it compiled).
ALL_FEATURES = frozenset({"bigint", "float", "complex", "classes", "exceptions", "generators",
                          "async", "modules", "datatypes", "io", "builtins", "time",
                          "compiler", "mp_float_format"})  # fmt: skip
# What the Python-hosted VM lacks: MicroPython's float formatting where it differs from
# CPython's (a tie such as '%.1f' % 0.25 rounds up, not to even); the VM formats floats
# with the host's `%` and str.format (tests/float/float_format_halfway.py).
_PYVM_FEATURES = ALL_FEATURES - {"mp_float_format"}


@dataclass
class Target:
    name: str
    features: frozenset[str]
    run: Callable[[Path], tuple[int, str]]
    prepare: Callable[[list[Path]], None] = field(default=lambda programs: None)
    float_precision: str = "double"  # which expected output a program has here

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
    """unix and QEMU boards, built once by scons per set of programs.

    unix runs each program as an .mpy file given to `firmware`; a QEMU board freezes
    every selected program into one firmware and boots it once per program, naming the
    module to run. The QEMU machine comes from the board's `run:` section.
    """

    def __init__(self, board: str, options: tuple[str, ...] = ()) -> None:
        self.board = board
        self.options = options  # more scons options, such as sanitize=1
        self.build_dir: Path | None = None
        self.modules: dict[Path, str] = {}
        self.machine: str | None = None

    def _load(self) -> None:
        from ..build.board import load_board

        board = load_board(self.board)
        if board.port == "unix":
            return
        if board.get("run.method") != "qemu" or not board.get("run.machine"):
            raise MpforgeError(
                f"board {self.board} has no QEMU model (its run: section names no machine); "
                "conformance programs run on unix, pyvm and boards QEMU models"
            )
        self.machine = board.get("run.machine")

    def prepare(self, programs: list[Path]) -> None:
        self._load()
        root = Path(__file__).resolve().parents[3]
        if self.machine is None:
            sources = {"main.py": (root / "frozen" / "main.py").read_text()}
        else:
            sources = {}
            for p in programs:
                name = p.stem if p.stem not in sources else f"{p.parent.name}_{p.stem}"
                name = name if f"{name}.py" not in sources else f"{p.parent.name}_{p.stem}"
                self.modules[p.resolve()] = name
                sources[f"{name}.py"] = p.read_text()
        runtime_dir = os.environ.get("MPF_TEST_RUNTIME_DIR", "")
        key = hashlib.sha256(
            repr(
                (str(root), self.board, self.options, runtime_dir, sorted(sources.items()))
            ).encode()
        )
        tag = "-".join((self.board, *(o.split("=")[0] for o in self.options)))
        work = Path(tempfile.gettempdir()) / f"mpforge-test-{tag}-{key.hexdigest()[:12]}"
        src = work / "src"
        src.mkdir(parents=True, exist_ok=True)
        for name, text in sources.items():
            (src / name).write_text(text)
        manifest = src / "manifest.yaml"
        manifest.write_text("modules:\n" + "".join(f"  - {m}\n" for m in sources))
        out = work / "build"
        # as tests/buildkit.py: $MPF_TEST_RUNTIME_DIR names a stand-in runtime/ to build
        runtime = os.environ.get("MPF_TEST_RUNTIME_DIR")
        extra = [f"runtime_dir={runtime}"] if runtime else []
        result = subprocess.run(
            [sys.executable, "-m", "SCons", "-C", str(root), f"board={self.board}",
             f"build_dir={out}", f"manifest={manifest}", *self.options, *extra],
            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=1200,
        )  # fmt: skip
        if result.returncode != 0:
            raise MpforgeError(f"build of {self.board} failed:\n{result.stdout}{result.stderr}")
        self.build_dir = out

    def run(self, path: Path) -> tuple[int, str]:
        from ..deploy.qemu import run_host, run_qemu

        if self.build_dir is None:
            raise MpforgeError(f"{self.board}: the firmware isn't built (prepare() first)")
        if self.machine is None:
            with tempfile.TemporaryDirectory() as tmp:
                mpy = Path(tmp) / path.with_suffix(".mpy").name
                mpy.write_bytes(_compile(path))
                result = run_host(self.build_dir / "firmware", [str(mpy)], timeout=60, echo=None)
        else:
            module = self.modules[path.resolve()]
            result = run_qemu(
                self.build_dir / "firmware.elf", self.machine, module=module, timeout=60,
                echo=None,
            )  # fmt: skip
        return result.status, result.output


# What the C runtime has today: exceptions, classes, generators, the containers and
# bytes types with their methods and formatting (datatypes), the builtin functions
# (builtins), the time module (modtime.c), big ints (runtime/objint.c, mpz.c), modules,
# io, async (runtime/lib/asyncio.py); never: compiler. Floats and complex where the board
# has them (_firmware_features). The C runtime's developers widen this as the runtime grows.
_FIRMWARE_FEATURES: frozenset[str] = frozenset(
    {"exceptions", "classes", "generators", "time", "bigint", "datatypes", "builtins", "async",
     "modules", "io"}
)


def get_target(name: str) -> Target:
    if name == "pyvm":
        return Target("pyvm", _PYVM_FEATURES, run_on_pyvm)
    if name == "pyvm-mpy-cross":  # the VM on the reference compiler's bytecode
        return Target(name, _PYVM_FEATURES, lambda p: run_on_pyvm(p, _compile_reference))
    if name == "unix-sanitize":  # the unix firmware under AddressSanitizer and UBSan
        fw = _FirmwareTarget("unix", ("sanitize=1",))
        return Target(name, _firmware_features("unix"), fw.run, fw.prepare)
    fw = _FirmwareTarget(name)
    return Target(name, _firmware_features(name), fw.run, fw.prepare, float_precision(name))


def float_precision(board_name: str) -> str:
    """"double", "single" or "none": the board's floats. A single-precision board prints
    MicroPython's single-precision digits, the programs' .single.exp where they differ."""
    from ..build.board import load_board

    try:
        return load_board(board_name).get("features.float", "double")
    except MpforgeError:
        return "none"  # get_target's prepare() reports the unknown board


def _firmware_features(board_name: str) -> frozenset[str]:
    """The C runtime's features on this board: floats (and complex, unless the board
    says complex: false) in either precision."""
    from ..build.board import load_board

    if float_precision(board_name) == "none":
        return _FIRMWARE_FEATURES
    board = load_board(board_name)
    with_complex = board.get("features.complex") is not False  # default: with floats
    extra = {"float", "mp_float_format"} | ({"complex"} if with_complex else set())
    return _FIRMWARE_FEATURES | extra


TARGETS = ("pyvm", "unix", "unix-sanitize")
