"""`deploy` by UF2: a temporary directory poses as the RP2040 boot ROM's drive."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from mpforge.build.board import load_board
from mpforge.deploy.base import DeployOptions
from mpforge.deploy.methods import deploy
from mpforge.deploy.uf2 import FAMILIES, write_uf2
from mpforge.errors import MpforgeError

INFO = "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: {}\n"


def make_drive(root: Path, name: str = "RPI-RP2", board_id: str = "RPI-RP2") -> Path:
    drive = root / name
    drive.mkdir(parents=True)
    (drive / "INFO_UF2.TXT").write_text(INFO.format(board_id))
    (drive / "INDEX.HTM").write_text("<html></html>")
    return drive


@pytest.fixture
def uf2(tmp_path: Path) -> Path:
    path = tmp_path / "build" / "firmware.uf2"
    path.parent.mkdir()
    path.write_bytes(write_uf2(os.urandom(200_000), 0x10000000, FAMILIES["RP2040"]))
    return path


def run(
    uf2: Path, roots: list[Path], port: str | None = None, dry_run: bool = False, progress=None
):
    out = io.StringIO()
    options = DeployOptions(
        port=port,
        dry_run=dry_run,
        out=out,
        progress_stream=progress or io.StringIO(),
        extra={"uf2_mount_roots": roots},
    )
    return deploy(load_board("PICO"), uf2, options), out.getvalue()


def test_copies_to_the_drive_found_by_info_uf2(uf2: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nobin"))  # no picotool to fall back on
    media = tmp_path / "media"
    make_drive(media, "OTHER", board_id="SAMD21-Feather")
    drive = make_drive(media)
    result, out = run(uf2, [media])
    assert (drive / "firmware.uf2").read_bytes() == uf2.read_bytes()
    assert not (media / "OTHER" / "firmware.uf2").exists()
    assert result.target == str(drive) and result.verified is None
    assert "cannot be read back; 782 blocks checked" in result.summary()


def test_dry_run_copies_nothing(uf2: Path, tmp_path: Path) -> None:
    drive = make_drive(tmp_path / "media")
    result, out = run(uf2, [tmp_path / "media"], dry_run=True)
    assert result.dry_run and not (drive / "firmware.uf2").exists()
    assert "would copy firmware.uf2 (782 blocks)" in out


def test_no_drive_says_where_it_looked(uf2: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nobin"))
    make_drive(tmp_path / "media", "CIRCUITPY", board_id="SAMD21-Feather")
    with pytest.raises(MpforgeError, match=r"no RPI-RP2 drive found.*SAMD21-Feather.*BOOTSEL"):
        run(uf2, [tmp_path / "media"])


def test_picotool_when_there_is_no_drive(uf2: Path, tmp_path: Path, monkeypatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "picotool.log"
    tool = bin_dir / "picotool"
    tool.write_text(f'#!/bin/sh\necho "$@" > {log}\n')
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    result, out = run(uf2, [tmp_path / "none"])
    assert log.read_text().split() == ["load", "-v", "-x", str(uf2)]
    assert result.verified is True and "running: " in out


def test_drive_pulled_out_mid_copy(uf2: Path, tmp_path: Path) -> None:
    drive = make_drive(tmp_path / "media")

    class Unplug(io.StringIO):
        def write(self, text: str) -> int:
            if "copy" in text and drive.exists():
                shutil.rmtree(drive)
            return super().write(text)

    with pytest.raises(MpforgeError, match="the drive went away during the copy"):
        run(uf2, [tmp_path / "media"], port=str(drive), progress=Unplug())


def test_firmware_for_another_chip(uf2: Path, tmp_path: Path) -> None:
    drive = make_drive(tmp_path / "media")
    uf2.write_bytes(write_uf2(b"\0" * 1024, 0x2000, 0xADA52840))  # nRF52840's family
    with pytest.raises(MpforgeError, match="UF2 family 0xada52840.*another chip"):
        run(uf2, [], port=str(drive))
    assert not (drive / "firmware.uf2").exists()


def test_damaged_file_and_wrong_drive(uf2: Path, tmp_path: Path) -> None:
    other = make_drive(tmp_path / "media", "FEATHER", board_id="SAMD21-Feather")
    with pytest.raises(MpforgeError, match="is a SAMD21-Feather bootloader.*another board"):
        run(uf2, [], port=str(other))
    raw = bytearray(uf2.read_bytes())
    raw[512 * 3] ^= 0xFF  # block 3's first magic number
    uf2.write_bytes(bytes(raw))
    with pytest.raises(MpforgeError, match="block 3: bad UF2 magic"):
        run(uf2, [], port=str(other))
