"""Conformance programs: discovery, declared features, expected output."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# The conformance suites under tests/, in the order they run: `basics` needs only what
# every target has; the others name what they need on `# requires:` lines.
SUITES = ("basics", "builtins", "datatypes", "bigint", "float", "classes", "exceptions",
          "generators", "modules", "async", "micropython")  # fmt: skip

_REQUIRES = re.compile(r"#\s*requires:\s*(.+)")
_TIMEOUT = 60


@dataclass(frozen=True)
class Program:
    path: Path

    @property
    def name(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"

    @property
    def requires(self) -> frozenset[str]:
        """Features named on the program's first `# requires:` line (first 5 lines)."""
        for line in self.path.read_text().splitlines()[:5]:
            m = _REQUIRES.match(line.strip())
            if m:
                return frozenset(f.strip() for f in m.group(1).split(",") if f.strip())
        return frozenset()


def discover(paths: list[Path]) -> list[Program]:
    """Programs under `paths` (files or directories), sorted, each once."""
    found: dict[Path, Program] = {}
    for path in paths:
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            if f.suffix == ".py" and not f.name.startswith("_"):
                found.setdefault(f.resolve(), Program(f))
    return sorted(found.values(), key=lambda p: str(p.path))


def cache_dir() -> Path:
    base = os.environ.get("MPFORGE_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "mpforge" / "expected"


def expected_output(path: Path, float_precision: str = "double") -> str:
    """What the program must print: its .exp file, else CPython's output (cached by
    the hash of the program and of CPython's version). On a board with single-precision
    floats, its .single.exp where there is one: what MicroPython built with
    single-precision floats prints where that differs (tools/single_float_exp.py)."""
    exps = [path.with_suffix(".exp")]
    if float_precision == "single":
        exps.insert(0, path.with_suffix(".single.exp"))
    for exp in exps:
        if exp.exists():
            return exp.read_text()
    text = path.read_bytes()
    key = hashlib.sha256(text + sys.version.encode()).hexdigest()
    cached = cache_dir() / f"{key}.out"
    if cached.exists():
        return cached.read_text()
    result = subprocess.run(
        [sys.executable, path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"CPython failed on {path.name}:\n{result.stderr}")
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(result.stdout)
    tmp.replace(cached)
    return result.stdout
