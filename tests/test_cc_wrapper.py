"""Spreading builds: cc_wrapper=ccache|distcc on every port, -j from distcc's hosts, and
cache_dir= (SCons CacheDir) shared between build directories."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from buildkit import ROOT, scons
from mpforge.build.sconsbuild import _default_jobs

ONE_BOARD_PER_PORT = ["unix", "PYBV10", "QEMU_MPS2_AN385", "PICO", "ESP8266_GENERIC"]


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} not found: install it (tools/setup.sh does)")
    return path


@pytest.mark.parametrize("board", ONE_BOARD_PER_PORT)
@pytest.mark.parametrize("wrapper", ["ccache", "distcc"])
def test_every_port_compiles_through_the_wrapper(board: str, wrapper: str, tmp_path: Path
                                                 ) -> None:  # fmt: skip
    wrapped = need(wrapper)
    # -n: the commands SCons would run, none run
    result = scons(f"board={board}", f"build_dir={tmp_path}", f"cc_wrapper={wrapper}", "-n",
                   "V=1")  # fmt: skip
    assert result.returncode == 0, result.stderr
    compiles = [ln for ln in result.stdout.splitlines() if " -c " in ln and ln.endswith(".c")]
    assert compiles
    assert all(ln.startswith(f"{wrapped} /") for ln in compiles), compiles[0]


def test_ccache_serves_a_clean_rebuild(tmp_path: Path) -> None:
    ccache = need("ccache")
    env = {**os.environ, "CCACHE_DIR": str(tmp_path / "ccache")}
    build = tmp_path / "build"
    args = ("board=unix", f"build_dir={build}", "cc_wrapper=ccache")
    assert scons(*args, env=env).returncode == 0
    shutil.rmtree(build)
    result = scons(*args, env=env)
    assert result.returncode == 0, result.stderr
    objects = sum(1 for ln in result.stdout.splitlines() if ln.startswith("CC "))
    stats = subprocess.run([ccache, "--print-stats"], env=env, capture_output=True, text=True,
                           check=True).stdout  # fmt: skip
    counters = dict(line.split("\t") for line in stats.splitlines() if "\t" in line)
    hits = int(counters.get("direct_cache_hit", 0)) + int(counters.get("preprocessed_cache_hit", 0))
    assert hits >= objects > 10


def test_distcc_builds_firmware_that_runs(tmp_path: Path) -> None:
    need("distcc")
    env = {**os.environ, "DISTCC_HOSTS": "localhost", "DISTCC_DIR": str(tmp_path / "distcc")}
    build = tmp_path / "build"
    result = scons("board=unix", f"build_dir={build}", "cc_wrapper=distcc", env=env)
    assert result.returncode == 0, result.stderr
    run = subprocess.run([str(build / "firmware")], capture_output=True, text=True, timeout=30)
    assert run.returncode == 0


def test_distcc_jobs_above_the_core_count(monkeypatch: pytest.MonkeyPatch) -> None:
    need("distcc")
    cores = os.cpu_count() or 1
    monkeypatch.setenv("DISTCC_HOSTS", f"localhost/{cores + 3} 127.0.0.1/5")
    assert _default_jobs("distcc") == cores + 8
    assert _default_jobs("ccache") == cores


def test_cache_dir_serves_a_clean_rebuild(tmp_path: Path) -> None:
    # SCons keys an entry by the target's path too (relative to the checkout when inside
    # it): one build directory, removed and built again. Two checkouts sharing entries
    # is tested by test_size_diff.
    cache, build = tmp_path / "cache", tmp_path / "build"
    first = scons("board=unix", f"build_dir={build}", f"cache_dir={cache}")
    assert first.returncode == 0, first.stderr
    firmware = (build / "firmware").read_bytes()
    shutil.rmtree(build)
    second = scons("board=unix", f"build_dir={build}", f"cache_dir={cache}")
    assert second.returncode == 0, second.stderr
    lines = second.stdout.splitlines()
    assert not [ln for ln in lines if ln.startswith(("CC ", "LINK "))]
    assert sum(ln.startswith("Retrieved `") for ln in lines) > 10
    assert (build / "firmware").read_bytes() == firmware
    assert (build / "firmware.map").is_file()  # the map comes from the cache with the ELF


@pytest.mark.parametrize(
    ("option", "message"),
    [("cc_wrapper=nosuchwrapper", "nosuchwrapper not found on PATH"),
     ("cache_dir=/proc/nope", "cache_dir=/proc/nope")],
)  # fmt: skip
def test_option_errors_are_one_line(option: str, message: str, tmp_path: Path) -> None:
    result = scons("board=unix", f"build_dir={tmp_path}", option)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert ROOT.is_dir()
