"""`deploy` by DFU end to end: pyusb's real code against a simulated DfuSe bootloader."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from mpforge.build.board import load_board
from mpforge.deploy.base import DeployOptions
from mpforge.deploy.dfu import firmware_dfu
from mpforge.deploy.methods import deploy
from mpforge.errors import MpforgeError
from sim_dfuse import F091_LAYOUT, DfuSeSim, FakeUsbBackend

FLASH = 0x08000000


@pytest.fixture
def firmware(tmp_path: Path) -> tuple[Path, bytes]:
    # 40 KB: past the F405's first three 16 KB sectors, and not a whole transfer block
    data = os.urandom(40 * 1024 + 123)
    path = tmp_path / "firmware.dfu"
    path.write_bytes(firmware_dfu(data, FLASH, "0483:df11"))
    return path, data


def run(path: Path, *sims: DfuSeSim, board: str = "PYBV10", dry_run: bool = False):
    out, bars = io.StringIO(), io.StringIO()
    options = DeployOptions(
        dry_run=dry_run, out=out, progress_stream=bars, extra={"usb_backend": FakeUsbBackend(*sims)}
    )
    result = deploy(load_board(board), path, options)
    return result, out.getvalue(), bars.getvalue()


def test_writes_verifies_and_leaves_dfu(firmware: tuple[Path, bytes]) -> None:
    path, data = firmware
    sim = DfuSeSim()
    result, out, bars = run(path, sim)
    assert sim.read(FLASH, len(data)) == data
    # only the sectors the image covers: 16 K, 16 K, 16 K
    assert sim.erased == [FLASH, FLASH + 0x4000, FLASH + 0x8000]
    assert sim.left_at == FLASH and sim.gone
    assert result.verified is True and result.nbytes == len(data)
    assert "verified (read back matches)" in result.summary()
    assert "erase 3 pages" in bars and "write 0x08000000" in bars and "verify" in bars
    assert "leave DFU mode" in out


def test_a_raw_bin_is_sent_at_the_flash_origin(tmp_path: Path) -> None:
    data = os.urandom(5000)
    path = tmp_path / "firmware.bin"
    path.write_bytes(data)
    sim = DfuSeSim()
    run(path, sim)
    assert sim.read(FLASH, len(data)) == data


def test_dry_run_touches_nothing(firmware: tuple[Path, bytes]) -> None:
    path, _ = firmware
    sim = DfuSeSim()
    result, out, _ = run(path, sim, dry_run=True)
    assert result.dry_run and sim.erased == [] and sim.blocks_written == 0 and not sim.gone
    assert "would erase" in out and "would write 41083 bytes at 0x08000000" in out
    assert result.summary().startswith("dry run: nothing was written")


def test_no_device_says_what_was_looked_for(firmware: tuple[Path, bytes]) -> None:
    with pytest.raises(MpforgeError, match=r"no DFU device found: looked for USB 0483:df11.*BOOT0"):
        run(firmware[0], DfuSeSim(pid=0x1234))


def test_device_gone_mid_transfer(firmware: tuple[Path, bytes]) -> None:
    sim = DfuSeSim(disconnect_after_blocks=5)
    with pytest.raises(MpforgeError, match="stopped answering during write at 0x08002800"):
        run(firmware[0], sim)
    assert sim.left_at is None


def test_verification_mismatch(firmware: tuple[Path, bytes]) -> None:
    sim = DfuSeSim(bad_bit_at=FLASH + 0x1234)
    with pytest.raises(MpforgeError, match="verification failed: flash at 0x08001234"):
        run(firmware[0], sim)
    assert sim.left_at is None  # a bad image is never started


def test_firmware_for_another_chip(firmware: tuple[Path, bytes], tmp_path: Path) -> None:
    # an F091's 256 KB flash cannot hold an image placed past it
    big = tmp_path / "big.dfu"
    big.write_bytes(firmware_dfu(os.urandom(4096), FLASH + 0x40000, "0483:df11"))
    sim = DfuSeSim(layout=F091_LAYOUT)
    with pytest.raises(MpforgeError, match="0x08040000 is not in the device's writable memory"):
        run(big, sim)
    assert sim.blocks_written == 0


def test_firmware_for_another_board(firmware: tuple[Path, bytes], tmp_path: Path) -> None:
    other = tmp_path / "other.dfu"
    other.write_bytes(firmware_dfu(b"\0" * 64, FLASH, "1209:0001"))
    with pytest.raises(MpforgeError, match="is for USB device 1209:0001.*another board"):
        run(other, DfuSeSim())
    built = tmp_path / "NUCLEO" / "firmware.dfu"
    (built.parent / "genhdr").mkdir(parents=True)
    (built.parent / "genhdr" / "mpconfigboard.h").write_text(
        '#define MPF_BOARD_ID "NUCLEO_F091RC"\n'
    )
    built.write_bytes(firmware[0].read_bytes())
    with pytest.raises(MpforgeError, match="built for board NUCLEO_F091RC, not PYBV10"):
        run(built, DfuSeSim())


def test_damaged_dfu_file(firmware: tuple[Path, bytes]) -> None:
    path, _ = firmware
    raw = bytearray(path.read_bytes())
    raw[300] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(MpforgeError, match="CRC mismatch"):
        run(path, DfuSeSim())


def test_cli_one_line_error_and_status(firmware: tuple[Path, bytes], capsys) -> None:
    from mpforge.cli import main

    status = main(["deploy", "--board", "PYBV10", str(firmware[0]), "--dry-run"])
    assert status == 0
    assert "dry run: nothing was written" in capsys.readouterr().out
    status = main(["deploy", "--board", "PYBV10", str(firmware[0].parent / "missing.dfu")])
    err = capsys.readouterr().err
    assert status != 0 and err.count("\n") == 1 and "no such firmware" in err


def test_scons_deploy_dry_run_names_the_built_image() -> None:
    from buildkit import CACHE, FROZEN_MAIN, build, scons

    out = build("PYBV10", {"main.py": FROZEN_MAIN})
    manifest = out.parent / "src" / "manifest.yaml"
    assert manifest.is_file() and str(out).startswith(str(CACHE))
    done = scons("board=PYBV10", f"build_dir={out}", f"manifest={manifest}", "deploy", "dry_run=1")
    assert done.returncode == 0, done.stderr
    size = (out / "firmware.bin").stat().st_size
    assert f"would write {size} bytes at 0x08000000" in done.stdout
    assert "dry run: nothing was written (dfu, USB 0483:df11)" in done.stdout
