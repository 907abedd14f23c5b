"""The SCons build: outputs, quiet lines, DfuSe file, reproducibility, user errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, ROOT, build, scons, write_manifest
from mpforge.compiler import CompileError, compile_module
from mpforge.deploy.dfu import read_dfuse


@pytest.fixture(scope="module")
def pybv10() -> Path:
    return build("PYBV10", {"main.py": FROZEN_MAIN})


def test_stm32_outputs(pybv10: Path) -> None:
    for name in ("firmware.elf", "firmware.bin", "firmware.dfu"):
        assert (pybv10 / name).stat().st_size > 0
    for name in ("mpconfigboard.h", "opcodes.h", "qstrdefs.generated.h", "frozen_content.c"):
        assert (pybv10 / "genhdr" / name).is_file()


def test_elf_is_linked_at_flash_and_starts_with_the_vector_table(pybv10: Path) -> None:
    readelf = shutil.which("arm-none-eabi-readelf") or "arm-none-eabi-readelf"
    header = subprocess.run(
        [readelf, "-h", str(pybv10 / "firmware.elf")], capture_output=True, text=True, check=True
    ).stdout
    assert "ARM" in header
    binary = (pybv10 / "firmware.bin").read_bytes()
    initial_sp = int.from_bytes(binary[0:4], "little")
    reset = int.from_bytes(binary[4:8], "little")
    # RM0090: SRAM1+2 end at 0x20020000; the reset vector is a Thumb address in flash
    assert initial_sp == 0x20020000
    assert 0x08000000 <= reset < 0x08100000 and reset & 1


def test_dfu_accepted_by_dfu_suffix(pybv10: Path) -> None:
    dfu_suffix = shutil.which("dfu-suffix")
    assert dfu_suffix, "dfu-suffix not found: install dfu-util (tools/setup.sh does)"
    result = subprocess.run(
        [dfu_suffix, "-c", str(pybv10 / "firmware.dfu")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Vendor ID:\t0x0483" in result.stdout
    assert "Product ID:\t0xDF11" in result.stdout
    assert "BCD DFU:\t0x011A" in result.stdout


def test_dfu_reads_back_as_the_binary_at_flash(pybv10: Path) -> None:
    image = read_dfuse((pybv10 / "firmware.dfu").read_bytes(), "firmware.dfu")
    assert (image.vid, image.pid) == (0x0483, 0xDF11)
    [target] = image.targets
    assert target.elements == [(0x08000000, (pybv10 / "firmware.bin").read_bytes())]


def test_noop_rebuild_does_nothing(pybv10: Path) -> None:
    manifest = pybv10.parent / "src" / "manifest.yaml"
    result = scons("board=PYBV10", f"build_dir={pybv10}", f"manifest={manifest}")
    assert result.returncode == 0
    for step in ("CC ", "LINK ", "FREEZE ", "GEN "):
        assert step not in result.stdout
    assert "is up to date" in result.stdout


def test_reproducible(pybv10: Path, tmp_path: Path) -> None:
    again = build("PYBV10", {"main.py": FROZEN_MAIN}, clean_dir=tmp_path / "again")
    assert (again / "firmware.bin").read_bytes() == (pybv10 / "firmware.bin").read_bytes()
    assert (again / "firmware.dfu").read_bytes() == (pybv10 / "firmware.dfu").read_bytes()


def test_quiet_and_verbose_lines(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "src", {"main.py": 'print("hi")\n'})
    quiet = scons("board=PYBV10", f"build_dir={tmp_path / 'q'}", f"manifest={manifest}")
    assert quiet.returncode == 0, quiet.stderr
    lines = quiet.stdout.splitlines()
    assert f"FREEZE {manifest.parent / 'main.py'}" in lines
    assert "CC ports/cortexm/main.c" in lines
    assert f"LINK {tmp_path / 'q' / 'firmware.elf'}" in lines
    assert not any("arm-none-eabi-gcc" in line for line in lines)
    # V=1 after a clean: the full compiler command lines
    (tmp_path / "q" / "cortexm" / "main.o").unlink()
    verbose = scons("board=PYBV10", f"build_dir={tmp_path / 'q'}", f"manifest={manifest}", "V=1")
    assert any(
        "arm-none-eabi-gcc" in line and "-Werror" in line for line in verbose.stdout.splitlines()
    )


def test_syntax_error_in_frozen_module_stops_the_build(tmp_path: Path) -> None:
    text = 'print("ok")\nx = = 1\n'
    with pytest.raises(CompileError) as info:
        compile_module(text, "broken.py")
    manifest = write_manifest(tmp_path / "src", {"broken.py": text})
    result = scons("board=PYBV10", f"build_dir={tmp_path / 'b'}", f"manifest={manifest}")
    assert result.returncode != 0
    assert str(info.value).startswith('File "broken.py", line 2')
    assert str(info.value) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "b" / "firmware.elf").exists()


def test_missing_manifest_file_is_one_line(tmp_path: Path) -> None:
    result = scons("board=PYBV10", f"manifest={tmp_path / 'none.yaml'}")
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "none.yaml: cannot read manifest: No such file or directory"
    )


def test_missing_toolchain_names_the_package(tmp_path: Path) -> None:
    # a PATH with python and nothing else: no cross compiler to find
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "python3").symlink_to(sys.executable)
    env = {k: v for k, v in os.environ.items() if k != "PATH"}
    env["PATH"] = str(bindir)
    result = scons("board=PYBV10", f"build_dir={tmp_path / 'b'}", env=env)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "arm-none-eabi-gcc not found on PATH: install it with "
        "`apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi` (or run tools/setup.sh)"
    )
    result = scons("board=unix", f"build_dir={tmp_path / 'u'}", env=env)
    assert result.stderr.strip().startswith(
        "gcc not found on PATH: install it with `apt-get install gcc`"
    )


def test_unix_firmware_runs_frozen_main(tmp_path: Path) -> None:
    out = build("unix", {"main.py": FROZEN_MAIN})
    result = subprocess.run([str(out / "firmware")], capture_output=True, text=True, timeout=60)
    expected = subprocess.run(
        [sys.executable, str(ROOT / "frozen" / "main.py")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected.stdout


def test_cli_dfu_matches_the_build(pybv10: Path, tmp_path: Path) -> None:
    from mpforge.cli import main

    out = tmp_path / "fw.dfu"
    assert main(["dfu", str(pybv10 / "firmware.bin"), "-o", str(out)]) == 0
    assert out.read_bytes() == (pybv10 / "firmware.dfu").read_bytes()
