"""The real-world corpus (PyPI `micropython-*` packages) as the tests see it.

`tools/fetch_corpus.py` downloads the pinned packages once into a cache keyed by the
package list, and compiles each module with the reference mpy-cross there; this module
only loads that result (fetching first, under the tool's file lock, if needed).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


@cache
def fetch_tool() -> ModuleType:
    # tools/ is scripts, not a package: load the fetcher by path so the tests and the
    # command line share one implementation.
    spec = importlib.util.spec_from_file_location(
        "fetch_corpus", ROOT / "tools" / "fetch_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Corpus:
    root: Path
    packages: int
    accepted: list[str]  # module paths (package/inner/path.py) that mpy-cross compiles
    rejected: dict[str, str]  # module path -> mpy-cross's last error line

    def source_path(self, module: str) -> Path:
        return self.root / "src" / module

    def source(self, module: str) -> str:
        return self.source_path(module).read_bytes().decode()

    def reference(self, module: str) -> bytes:
        """What mpy-cross wrote for the module, with `-s <file name>`."""
        return (self.root / "ref" / PurePosixPath(module).with_suffix(".mpy")).read_bytes()

    @staticmethod
    def source_name(module: str) -> str:
        return PurePosixPath(module).name


@cache
def load() -> Corpus:
    root = fetch_tool().fetch(log=lambda _msg: None)
    manifest = json.loads((root / "manifest.json").read_text())
    return Corpus(root, manifest["packages"], manifest["accepted"], manifest["rejected"])


@dataclass(frozen=True)
class Reference:
    """What the reference mpy-cross made of one program."""

    returncode: int
    output: str  # what it printed (the traceback when it rejects)
    mpy: bytes | None


def mpy_cross_binary() -> str:
    # The executable inside the mpy-cross-v6 wheel: running it directly spares a Python
    # start-up per program, which is most of the time for the many small programs of
    # the property and fuzz tests.
    from mpy_cross_v6 import MPY_CROSS_PATH

    return MPY_CROSS_PATH


def reference_compile(path: Path, source_name: str) -> Reference:
    """mpy-cross on the file `path` (written by the caller), `-s source_name`."""
    out = path.with_suffix(".mpy")
    out.unlink(missing_ok=True)
    result = subprocess.run(
        [mpy_cross_binary(), str(path), "-o", str(out), "-s", source_name],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=60,
    )
    mpy = out.read_bytes() if result.returncode == 0 else None
    return Reference(result.returncode, result.stdout + result.stderr, mpy)
