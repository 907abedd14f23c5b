"""Code-size change per board between two revisions, built in temporary git worktrees.

    build(BASE) and build(HEAD) of one board per port -> text/data/bss of each firmware
    -> one line per board, the table the seed's commit message shows:

          stm32: -1256 -0.318% PYBV10 [incl +32(data)]

The delta is text + data + bss (what size(1) calls dec), the percentage is of BASE's.
Both revisions build with one SCons CacheDir, so objects whose sources and flags are
the same at both revisions are compiled once. Worktrees live at fixed paths per
repository (under the cache), so a revision's build signatures are the same from one
run to the next even where an older revision's flags still name the checkout's path.
Uncommitted changes (tracked and untracked, not ignored) become the HEAD side when no
HEAD revision is given: applied onto a worktree of HEAD.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MpforgeError

# the board that stands for its port when no --boards are given
PORT_BOARDS = {
    "unix": "unix",
    "stm32": "PYBV10",
    "qemu": "QEMU_MPS2_AN385",
    "rp2": "PICO",
    "esp8266": "ESP8266_GENERIC",
}
WORKING_TREE = "working tree"


@dataclass(frozen=True)
class Revision:
    label: str  # what the user typed, or "working tree"
    commit: str  # the commit it is (for the working tree: HEAD, changes applied on top)


@dataclass
class Build:
    text: int = 0
    data: int = 0
    bss: int = 0
    symbols: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    compiled: int = 0  # objects SCons built
    cached: int = 0  # objects it retrieved from the CacheDir
    error: str = ""

    @property
    def total(self) -> int:
        return self.text + self.data + self.bss


@dataclass
class BoardDiff:
    board: str
    port: str
    base: Build
    head: Build

    @property
    def delta(self) -> int:
        return self.head.total - self.base.total

    @property
    def percent(self) -> float:
        return 100.0 * self.delta / self.base.total if self.base.total else 0.0

    def symbol_changes(self) -> list[tuple[str, int, int]]:
        """(name, base size, head size) of every symbol whose size changed, biggest
        change first; a symbol one side lacks has size 0 there."""
        names = set(self.base.symbols) | set(self.head.symbols)
        rows = [(n, self.base.symbols.get(n, 0), self.head.symbols.get(n, 0)) for n in names]
        rows = [r for r in rows if r[1] != r[2]]
        return sorted(rows, key=lambda r: (-abs(r[2] - r[1]), r[0]))

    @property
    def failed(self) -> bool:
        return bool(self.base.error or self.head.error)


def git(repo: Path, *args: str, check: bool = True) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL)  # fmt: skip
    if check and result.returncode != 0:
        raise MpforgeError(f"git {' '.join(args)}: {result.stderr.strip().splitlines()[-1:]}")
    return result.stdout


def repo_root(path: Path) -> Path:
    result = subprocess.run(["git", "-C", str(path), "rev-parse", "--show-toplevel"],
                            capture_output=True, text=True)  # fmt: skip
    if result.returncode != 0:
        raise MpforgeError(f"{path}: not inside a git repository", 2)
    return Path(result.stdout.strip())


def resolve(repo: Path, rev: str) -> Revision:
    result = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
        capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        raise MpforgeError(f"{rev}: no such revision in {repo}", 2)
    return Revision(rev, result.stdout.strip())


def has_changes(repo: Path) -> bool:
    return bool(git(repo, "status", "--porcelain", "--untracked-files=normal").strip())


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mpforge" / "scons-cache"


def default_boards(tree: Path) -> list[tuple[str, str]]:
    """(board, port) for one board per port of the tree: the port's usual board, or
    its first board by name."""
    import yaml

    by_port: dict[str, list[str]] = {}
    for path in sorted((tree / "boards").glob("*.yaml")):
        try:
            port = (yaml.safe_load(path.read_text()) or {}).get("port")
        except yaml.YAMLError:
            continue
        if isinstance(port, str):
            by_port.setdefault(port, []).append(path.stem)
    chosen = []
    for port in sorted(by_port):
        names = by_port[port]
        chosen.append((PORT_BOARDS[port] if PORT_BOARDS.get(port) in names else names[0], port))
    return chosen


def board_port(tree: Path, board: str) -> str | None:
    import yaml

    path = tree / "boards" / f"{board}.yaml"
    if not path.is_file():
        return None
    try:
        port = (yaml.safe_load(path.read_text()) or {}).get("port")
    except yaml.YAMLError:
        return None
    return port if isinstance(port, str) else None


@contextmanager
def worktrees(repo: Path, work: Path, revisions: list[Revision]) -> Iterator[list[Path]]:
    """A detached worktree per revision at `work`/<n>; the working tree's changes applied
    to the one labelled WORKING_TREE. Removed afterwards; a lock keeps two runs on one
    repository apart, since the paths are fixed."""
    work.mkdir(parents=True, exist_ok=True)
    with open(work / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        trees = []
        try:
            for i, rev in enumerate(revisions):
                tree = work / ("base", "head")[i] if len(revisions) == 2 else work / f"r{i}"
                _remove_worktree(repo, tree)
                git(repo, "worktree", "add", "--detach", "--force", str(tree), rev.commit)
                if rev.label == WORKING_TREE:
                    _apply_working_changes(repo, tree)
                trees.append(tree)
            yield trees
        finally:
            for tree in trees:
                _remove_worktree(repo, tree)


def _remove_worktree(repo: Path, tree: Path) -> None:
    if tree.exists():
        git(repo, "worktree", "remove", "--force", str(tree), check=False)
        shutil.rmtree(tree, ignore_errors=True)
    git(repo, "worktree", "prune", check=False)


def _apply_working_changes(repo: Path, tree: Path) -> None:
    diff = subprocess.run(["git", "-C", str(repo), "diff", "HEAD", "--binary"],
                          capture_output=True, check=True).stdout  # fmt: skip
    if diff:
        apply = ["git", "-C", str(tree), "apply", "--binary", "--whitespace=nowarn"]
        result = subprocess.run(apply, input=diff, capture_output=True)
        if result.returncode != 0:
            raise MpforgeError(f"uncommitted changes do not apply to HEAD: "
                               f"{result.stderr.decode(errors='replace').strip()}")  # fmt: skip
    untracked = git(repo, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    for name in filter(None, untracked):
        src, dst = repo / name, tree / name
        if src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)


def _firmware(build_dir: Path) -> Path | None:
    for name in ("firmware.elf", "firmware"):
        if (build_dir / name).is_file():
            return build_dir / name
    return None


def _symbols(elf: Path) -> dict[str, int]:
    from elftools.elf.elffile import ELFFile
    from elftools.elf.sections import SymbolTableSection

    out: dict[str, int] = {}
    with open(elf, "rb") as f:
        for sec in ELFFile(f).iter_sections():
            if isinstance(sec, SymbolTableSection) and sec.name == ".symtab":
                for sym in sec.iter_symbols():
                    e = sym.entry
                    if e.st_size and e.st_info.type in ("STT_FUNC", "STT_OBJECT"):
                        # static symbols of one name in several files: add them up
                        out[sym.name] = out.get(sym.name, 0) + e.st_size
    return out


def build_board(tree: Path, board: str, cache: Path, jobs: int | None = None) -> Build:
    """Build `board` in `tree` (into its build/BOARD) with the shared CacheDir."""
    from . import sizes

    # a revision from before cache_dir= existed gets the CacheDir from a site_init.py
    sconsbuild = tree / "py" / "mpforge" / "build" / "sconsbuild.py"
    knows_cache_dir = sconsbuild.is_file() and '"cache_dir"' in sconsbuild.read_text()
    args = [sys.executable, "-m", "SCons", "-C", str(tree), f"board={board}"]
    if jobs:
        args.append(f"-j{jobs}")
    if knows_cache_dir:
        args.append(f"cache_dir={cache}")
    else:
        site = tree.parent / f"{tree.name}-site"
        site.mkdir(exist_ok=True)
        (site / "site_init.py").write_text(f"CacheDir({str(cache)!r})\n")
        args.append(f"--site-dir={site}")
    start = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})  # fmt: skip
    seconds = time.perf_counter() - start
    lines = result.stdout.splitlines()
    cached = sum(1 for line in lines if line.startswith("Retrieved `"))
    compiled = sum(1 for line in lines if line.startswith("CC "))
    if result.returncode != 0:
        errors = [ln for ln in (result.stderr + result.stdout).splitlines() if "rror" in ln]
        first = (errors or (result.stderr or result.stdout).strip().splitlines() or ["?"])[0]
        return Build(seconds=seconds, error=first.strip())
    elf = _firmware(tree / "build" / board)
    if elf is None:
        return Build(seconds=seconds, error=f"no firmware in build/{board}")
    s = sizes(elf)
    return Build(s.text, s.data, s.bss, _symbols(elf), seconds, compiled, cached)


def size_diff(
    repo: Path,
    base: str,
    head: str | None,
    boards: list[str] | None = None,
    cache: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Revision, Revision, list[BoardDiff]]:
    """Build the boards at both revisions and compare. `head` None: the working tree
    (HEAD with uncommitted changes), or HEAD itself when nothing is uncommitted."""
    repo = repo_root(repo)
    base_rev = resolve(repo, base)
    if head is not None:
        head_rev = resolve(repo, head)
    elif has_changes(repo):
        head_rev = Revision(WORKING_TREE, resolve(repo, "HEAD").commit)
    else:
        head_rev = resolve(repo, "HEAD")
    cache = (cache or default_cache()).absolute()
    cache.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(str(repo).encode()).hexdigest()[:12]
    work = cache.parent / f"size-diff-{key}"
    say = progress or (lambda _msg: None)
    diffs = []
    with worktrees(repo, work, [base_rev, head_rev]) as (base_tree, head_tree):
        chosen = _choose_boards(base_tree, head_tree, boards)
        for board, port in chosen:
            built = []
            for rev, tree in ((base_rev, base_tree), (head_rev, head_tree)):
                say(f"building {board} at {rev.label}")
                if board_port(tree, board) is None:
                    built.append(Build(error=f"no board {board} at {rev.label}"))
                else:
                    built.append(build_board(tree, board, cache))
            diffs.append(BoardDiff(board, port, built[0], built[1]))
    return base_rev, head_rev, diffs


def _choose_boards(
    base_tree: Path, head_tree: Path, boards: list[str] | None
) -> list[tuple[str, str]]:
    if not boards:
        return default_boards(head_tree)
    chosen = []
    for b in boards:
        port = board_port(head_tree, b) or board_port(base_tree, b)
        if port is None:
            raise MpforgeError(f"--boards: no board {b} at either revision", 2)
        chosen.append((b, port))
    return chosen


def format_line(d: BoardDiff) -> str:
    """The seed's line: port, byte delta, percent, board, and data/bss moves."""
    if d.failed:
        return f"{d.port:>11}: build failed ({d.base.error or d.head.error}) {d.board}"
    extra = []
    if d.head.data != d.base.data:
        extra.append(f"{d.head.data - d.base.data:+d}(data)")
    if d.head.bss != d.base.bss:
        extra.append(f"{d.head.bss - d.base.bss:+d}(bss)")
    incl = f" [incl {' '.join(extra)}]" if extra else ""
    return f"{d.port:>11}: {d.delta:+5d} {d.percent:+.3f}% {d.board}{incl}"


def format_table(base: Revision, head: Revision, diffs: list[BoardDiff], verbose: bool = False,
                 top: int = 10) -> str:  # fmt: skip
    lines = [f"Reference:  {base.label} ({base.commit[:12]})",
             f"Comparison: {head.label} ({head.commit[:12]}"
             + (" + uncommitted changes)" if head.label == WORKING_TREE else ")")]  # fmt: skip
    for d in diffs:
        lines.append(format_line(d))
        if verbose and not d.failed:
            for name, a, b in d.symbol_changes()[:top]:
                lines.append(f"{'':13}{b - a:+7d}  {name} ({a} -> {b})")
    return "\n".join(lines)


def to_json(base: Revision, head: Revision, diffs: list[BoardDiff], top: int = 10
            ) -> dict[str, Any]:  # fmt: skip
    def side(b: Build) -> dict[str, Any]:
        return {"text": b.text, "data": b.data, "bss": b.bss, "total": b.total,
                "seconds": round(b.seconds, 2), "compiled": b.compiled, "cached": b.cached,
                "error": b.error or None}  # fmt: skip

    return {
        "base": {"rev": base.label, "commit": base.commit},
        "head": {
            "rev": head.label,
            "commit": head.commit,
            "uncommitted": head.label == WORKING_TREE,
        },  # fmt: skip
        "boards": [
            {
                "board": d.board,
                "port": d.port,
                "base": side(d.base),
                "head": side(d.head),
                "delta": None
                if d.failed
                else {
                    "total": d.delta,
                    "text": d.head.text - d.base.text,
                    "data": d.head.data - d.base.data,
                    "bss": d.head.bss - d.base.bss,
                    "percent": round(d.percent, 3),
                },
                "symbols": [
                    {"name": n, "base": a, "head": b, "delta": b - a}
                    for n, a, b in d.symbol_changes()[:top]
                ],
            }  # fmt: skip
            for d in diffs
        ],
    }
