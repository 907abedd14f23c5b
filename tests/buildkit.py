"""Shared by the build, board and QEMU tests: run scons, build firmware once per test run.

Builds go to one directory shared by all pytest-xdist workers, under a file lock, so
each firmware is compiled once and later requests are SCons no-ops.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(tempfile.gettempdir()) / f"mpforge-test-builds-{os.getuid()}"


def scons(*args: str, env: dict[str, str] | None = None, timeout: float = 600):
    """Run scons in the repository; stand-in runtimes come from $MPF_TEST_RUNTIME_DIR."""
    extra = []
    runtime = os.environ.get("MPF_TEST_RUNTIME_DIR")
    if runtime and not any(a.startswith("runtime_dir=") for a in args):
        extra.append(f"runtime_dir={runtime}")
    return subprocess.run(
        [sys.executable, "-m", "SCons", "-C", str(ROOT), *args, *extra],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=timeout,
    )


def write_manifest(directory: Path, modules: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in modules.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_text(text)
    manifest = directory / "manifest.yaml"
    # a name with a directory (`pkg/sub.py`) belongs to the package `pkg`
    packages = sorted({name.split("/")[0] for name in modules if "/" in name})
    lines = ["modules:"] + [f"  - {name}" for name in modules if "/" not in name]
    lines += ["packages:"] + [f"  - {name}" for name in packages] if packages else []
    manifest.write_text("\n".join(lines) + "\n")
    return manifest


def build(
    board: str,
    modules: dict[str, str],
    *options: str,
    clean_dir: Path | None = None,
) -> Path:
    """Build `board` freezing `modules` (file name -> text), with more scons `options`
    (such as sanitize=1); returns the build directory."""
    key = hashlib.sha256(
        repr((str(ROOT), board, options, sorted(modules.items()))).encode()
    ).hexdigest()[:12]
    base = clean_dir or CACHE / f"{board}-{key}"
    base.mkdir(parents=True, exist_ok=True)
    with open(base / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manifest = write_manifest(base / "src", modules)
        out = base / "build"
        result = scons(f"board={board}", f"build_dir={out}", f"manifest={manifest}", *options)
        if result.returncode != 0:
            raise AssertionError(f"build failed:\n{result.stdout}\n{result.stderr}")
    return out


def cpython_output(path: Path) -> subprocess.CompletedProcess:
    """The reference: what CPython prints for a program."""
    return subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60)


FROZEN_MAIN = (ROOT / "frozen" / "main.py").read_text()
