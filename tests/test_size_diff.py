"""`mpforge size-diff` on a scratch copy of this project: two commits whose difference is
known (a 1024-byte const table and a 32-byte initialised array), then the same change
left uncommitted; the shared CacheDir, --error-threshold and user errors."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from buildkit import ROOT

PROBE = """\
/* size-diff test probe: {n} bytes of text (rodata) and 32 bytes of data; aligned(8)
   stops gcc from aligning big arrays to 32 bytes, which would add padding */
#include <stdint.h>
__attribute__((aligned(8))) const uint8_t mpf_probe_table[{n}] = {{1, 2, 3}};
__attribute__((aligned(8))) int32_t mpf_probe_data[8] = {{1}};
"""
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, timeout=900,
                          stdin=subprocess.DEVNULL)  # fmt: skip


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's committed tree (what the build needs), committed twice: without and
    with runtime/probe.c (the runtime's sources are globbed, so the file is built)."""
    path = tmp_path_factory.mktemp("scratch") / "repo"
    path.mkdir()
    parts = ["SConstruct", "pyproject.toml", "py", "boards", "ports", "runtime", "templates",
             "frozen"]  # fmt: skip
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD", *parts],
                             capture_output=True, check=True).stdout  # fmt: skip
    tar = path.parent / "tree.tar"
    tar.write_bytes(archive)
    with tarfile.open(tar) as t:
        t.extractall(path, filter="data")
    (path / ".gitignore").write_text("/build/\n__pycache__/\n")
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "base"]):
        assert run(*GIT, *args, cwd=path).returncode == 0
    (path / "runtime" / "probe.c").write_text(PROBE.format(n=1024))
    for args in (["add", "runtime/probe.c"], ["commit", "-q", "-m", "probe"]):
        assert run(*GIT, *args, cwd=path).returncode == 0
    return path


def size_diff(repo: Path, cache: Path, *args: str) -> subprocess.CompletedProcess:
    return run(sys.executable, "-m", "mpforge", "size-diff", *args, "--boards", "unix",
               "--cache-dir", str(cache), "-C", str(repo), cwd=repo)  # fmt: skip


def test_committed_change_is_measured(repo: Path, tmp_path_factory: pytest.TempPathFactory
                                      ) -> None:  # fmt: skip
    cache = tmp_path_factory.mktemp("cache") / "scons"
    result = size_diff(repo, cache, "HEAD~1", "HEAD", "--json", "-v")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [board] = report["boards"]
    assert board["board"] == "unix" and board["port"] == "unix"
    delta = board["delta"]
    assert (delta["text"], delta["data"], delta["bss"]) == (1024, 32, 0)
    assert delta["total"] == 1056
    assert delta["percent"] == round(100 * 1056 / board["base"]["total"], 3)
    symbols = {s["name"]: s["delta"] for s in board["symbols"]}
    assert symbols == {"mpf_probe_table": 1024, "mpf_probe_data": 32}
    # the head build compiled probe.c and what depends on the sources' list, the rest
    # came from the cache the base build filled
    assert board["head"]["cached"] > 10
    assert board["head"]["compiled"] < board["base"]["compiled"]

    text = size_diff(repo, cache, "HEAD~1", "HEAD", "-v")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    pct = 100 * 1056 / board["base"]["total"]
    assert f"       unix: +1056 {pct:+.3f}% unix [incl +32(data)]" in lines
    assert any(line.split()[:2] == ["+1024", "mpf_probe_table"] for line in lines)


def test_uncommitted_changes_count_as_head(repo: Path, tmp_path: Path) -> None:
    probe = repo / "runtime" / "probe.c"
    extra = repo / "runtime" / "probe2.c"  # untracked: copied into the head worktree
    try:
        probe.write_text(PROBE.format(n=3072))
        extra.write_text("__attribute__((aligned(8))) const char mpf_probe_extra[512] = {9};\n")
        result = size_diff(repo, tmp_path / "cache", "HEAD", "--json")
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert report["head"]["uncommitted"] is True
        delta = report["boards"][0]["delta"]
        assert (delta["text"], delta["data"]) == (2048 + 512, 0)
    finally:
        run(*GIT, "checkout", "--", "runtime/probe.c", cwd=repo)
        extra.unlink(missing_ok=True)
    # nothing uncommitted: HEAD against itself
    result = size_diff(repo, tmp_path / "cache", "HEAD")
    assert result.returncode == 0, result.stderr
    assert "       unix:    +0 +0.000% unix" in result.stdout.splitlines()


def test_error_threshold(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert size_diff(repo, cache, "HEAD~1", "HEAD", "--error-threshold", "1000").returncode == 1
    assert size_diff(repo, cache, "HEAD~1", "HEAD", "--error-threshold", "1056").returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nosuchrev"], "nosuchrev: no such revision"),
        (["HEAD", "HEAD", "--boards", "NOPE"], "--boards: no board NOPE"),
    ],
)
def test_user_errors(repo: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = run(sys.executable, "-m", "mpforge", "size-diff", *args, "--cache-dir",
                 str(tmp_path / "c"), "-C", str(repo), cwd=repo)  # fmt: skip
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
