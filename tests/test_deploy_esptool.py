"""`deploy` by esptool end to end: the real esptool (ROM sync, chip detection, stub
upload, compressed writes, MD5) over pyserial's socket:// against a simulated ROM."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from mpforge.build.board import load_board
from mpforge.deploy.base import DeployOptions
from mpforge.deploy.methods import deploy
from mpforge.errors import MpforgeError
from sim_esp import ESP32_MAGIC, EspRomSim


@pytest.fixture
def images(tmp_path: Path) -> dict[int, bytes]:
    # the boot image (magic 0xE9) and the code run from flash, as the build names them
    boot = bytes([0xE9, 2, 0, 0x20]) + os.urandom(30000)
    irom = os.urandom(70000) + bytes(20000)  # some of it compressible
    for offset, data in ((0, boot), (0x9000, irom)):
        (tmp_path / f"firmware-0x{offset:05x}.bin").write_bytes(data)
    return {0: boot, 0x9000: irom}


@pytest.fixture
def sims() -> Iterator[list[EspRomSim]]:
    made: list[EspRomSim] = []
    yield made
    for sim in made:
        sim.close()


def run(tmp_path: Path, sim: EspRomSim, **kw: object):
    out, bars = io.StringIO(), io.StringIO()
    options = DeployOptions(port=sim.url, out=out, progress_stream=bars, **kw)  # type: ignore[arg-type]
    result = deploy(load_board("ESP8266_GENERIC"), tmp_path / "firmware-0x00000.bin", options)
    return result, out.getvalue(), bars.getvalue()


def test_flashes_and_verifies(tmp_path: Path, images: dict[int, bytes], sims) -> None:
    sims.append(sim := EspRomSim())
    result, out, bars = run(tmp_path, sim, baud=460800)
    for offset, data in images.items():
        assert sim.read(offset, len(data)) == data
    assert sim.stub_running  # esptool uploaded and started its stub
    assert 0x13 in sim.commands  # SPI_FLASH_MD5: the verification ran on the device
    assert result.verified is True and result.nbytes == sum(map(len, images.values()))
    assert "flash MD5 matches" in result.summary()
    assert "write" in bars


def test_dry_run_sends_nothing(tmp_path: Path, images: dict[int, bytes], sims) -> None:
    sims.append(sim := EspRomSim())
    result, out, _ = run(tmp_path, sim, dry_run=True)
    assert result.dry_run and sim.commands == []
    assert "would write firmware-0x09000.bin (90000 bytes) at flash offset 0x09000" in out


def test_wrong_chip(tmp_path: Path, images: dict[int, bytes], sims) -> None:
    sims.append(sim := EspRomSim(magic=ESP32_MAGIC))
    with pytest.raises(MpforgeError, match="the device is an ESP32, board ESP8266_GENERIC"):
        run(tmp_path, sim)
    assert sim.blocks == 0 and not sim.stub_running


def test_checksum_error_on_the_wire(tmp_path: Path, images: dict[int, bytes], sims) -> None:
    sims.append(sim := EspRomSim(noise_in_block=1))
    with pytest.raises(
        MpforgeError, match="esptool: Failed to write to target flash after seq 1.*Checksum error"
    ):
        run(tmp_path, sim)


def test_verification_mismatch(tmp_path: Path, images: dict[int, bytes], sims) -> None:
    sims.append(sim := EspRomSim(bad_flash_at=0x9000 + 1000))
    with pytest.raises(MpforgeError, match="verification failed: the flash's MD5 differs"):
        run(tmp_path, sim)


def test_disconnect_mid_transfer(tmp_path: Path, images: dict[int, bytes], sims) -> None:
    sims.append(sim := EspRomSim(disconnect_after_blocks=1))
    with pytest.raises(MpforgeError, match="serial connection failed.*unplugged") as err:
        run(tmp_path, sim)
    assert "\n" not in str(err.value)


def test_not_a_boot_image(tmp_path: Path, images: dict[int, bytes], sims) -> None:
    (tmp_path / "firmware-0x00000.bin").write_bytes(b"\0" * 100)
    sims.append(sim := EspRomSim())
    with pytest.raises(MpforgeError, match="not an ESP boot image"):
        run(tmp_path, sim)


def test_no_port_found_says_what_was_looked_for(tmp_path: Path, images: dict[int, bytes]) -> None:
    with pytest.raises(
        MpforgeError,
        match=r"no ESP8266 found: looked for a serial port with USB id 10c4:ea60.*BOOT",
    ):
        deploy(
            load_board("ESP8266_GENERIC"),
            tmp_path / "firmware-0x00000.bin",
            DeployOptions(out=io.StringIO()),
        )
