"""Every board builds, fits its flash and RAM, boots where its MCU boots, and its images
parse back with the right addresses and checksums (references: the ELF via pyelftools,
esptool, dfu-util's reader, an independent CRC, QEMU's output)."""

from __future__ import annotations

import binascii
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, build, cpython_output, scons
from elftools.elf.elffile import ELFFile
from mpforge.build.board import board_names, load_board
from mpforge.deploy.dfu import read_dfuse
from mpforge.deploy.qemu import run_qemu
from mpforge.deploy.uf2 import FAMILIES, read_uf2
from mpforge.size import elf_sections

BOARDS = [n for n in board_names() if n != "unix"]
QEMU_BOARDS = [n for n in BOARDS if load_board(n).get("run.method") == "qemu"]


@pytest.fixture(scope="module", params=BOARDS)
def built(request: pytest.FixtureRequest) -> tuple[str, Path]:
    return request.param, build(request.param, {"main.py": FROZEN_MAIN})


def _word_at(elf: Path, address: int) -> int:
    """The 32-bit word the ELF loads at `address` (from its section contents)."""
    with open(elf, "rb") as f:
        ef = ELFFile(f)
        for sec in ef.iter_sections():
            start, size = sec["sh_addr"], sec["sh_size"]
            if sec["sh_type"] == "SHT_PROGBITS" and start <= address < start + size:
                data = sec.data()[address - start : address - start + 4]
                return int.from_bytes(data, "little")
    raise AssertionError(f"nothing loaded at 0x{address:08x}")


def _symbol(elf: Path, name: str) -> int:
    with open(elf, "rb") as f:
        [sym] = ELFFile(f).get_section_by_name(".symtab").get_symbol_by_name(name)
        return sym["st_value"]


def _entry(elf: Path) -> int:
    with open(elf, "rb") as f:
        return ELFFile(f).header["e_entry"]


def test_links_within_the_boards_memory(built: tuple[str, Path]) -> None:
    name, out = built
    memory = load_board(name).get("memory")
    for sec in elf_sections(out / "firmware.elf"):
        places = [sec.vma] + ([sec.lma] if sec.loaded else [])
        for addr in places:
            inside = [
                r
                for r, spec in memory.items()
                if spec["origin"] <= addr and addr + sec.size <= spec["origin"] + spec["size"]
            ]
            assert inside, f"{sec.name} at 0x{addr:08x}+{sec.size} is outside {memory}"


def test_serial_loader_on_the_console_uart(built: tuple[str, Path]) -> None:
    """Every board serves `mpforge repl/exec` on its console: the loader is linked in
    with the port's UART receive (boards QEMU models run it in test_serial_loader)."""
    name, out = built
    for symbol in ("mpf_loader_main", "uart_poll", "mpf_run_mpy_in_main"):
        assert _symbol(out / "firmware.elf", symbol), f"{name}: no {symbol}"


def test_vector_table_where_the_mcu_boots(built: tuple[str, Path]) -> None:
    name, out = built
    board = load_board(name)
    elf = out / "firmware.elf"
    vectors = board.get("boot.vector_table")
    if board.port == "esp8266":
        # the ROM jumps to the image's entry point, which must be in IRAM
        iram = board.get("memory.iram")
        assert iram["origin"] <= _entry(elf) < iram["origin"] + iram["size"]
        return
    ram, flash = board.get("memory.ram"), board.get("memory.flash")
    assert _word_at(elf, vectors) == ram["origin"] + ram["size"]  # initial stack pointer
    reset = _word_at(elf, vectors + 4)
    assert reset & 1, "Cortex-M vectors are Thumb addresses"
    # ELF symbols and the entry of Thumb code carry the Thumb bit too
    assert reset == _symbol(elf, "Reset_Handler") | 1 == _entry(elf) | 1
    assert flash["origin"] <= reset < flash["origin"] + flash["size"]


def test_images_parse_with_addresses_and_checksums(built: tuple[str, Path]) -> None:
    name, out = built
    board = load_board(name)
    outputs = board.get("outputs")
    flash = board.get("memory.flash.origin")
    if "dfu" in outputs:
        image = read_dfuse((out / "firmware.dfu").read_bytes(), "firmware.dfu")
        [target] = image.targets
        assert target.elements == [(flash, (out / "firmware.bin").read_bytes())]
    if "uf2" in outputs:
        binary = (out / "firmware.bin").read_bytes()
        blocks = read_uf2((out / "firmware.uf2").read_bytes())
        assert [b.number for b in blocks] == list(range(len(blocks)))
        assert {b.total for b in blocks} == {len(blocks)}
        assert {b.family for b in blocks} == {FAMILIES["RP2040"]} == {0xE48BFF56}
        assert [b.address for b in blocks] == [flash + 256 * i for i in range(len(blocks))]
        assert b"".join(b.data for b in blocks)[: len(binary)] == binary
        boot2 = binary[:256]
        # CRC-32/MPEG-2 from zlib's reflected CRC-32: reflect the bytes in, the CRC out
        reflected = bytes(int(f"{b:08b}"[::-1], 2) for b in boot2[:252])
        crc = binascii.crc32(reflected) ^ 0xFFFFFFFF
        expected = int(f"{crc:032b}"[::-1], 2)
        assert struct.unpack("<I", boot2[252:])[0] == expected
    if "esp" in outputs:
        info = subprocess.run(
            [sys.executable, "-m", "esptool", "image-info", str(out / "firmware-0x00000.bin")],
            capture_output=True,
            text=True,
        )
        assert info.returncode == 0, info.stderr
        assert "(valid)" in info.stdout and "Checksum" in info.stdout
        assert f"Entry point: {_entry(out / 'firmware.elf'):#010x}" in info.stdout
        irom = min(s.vma for s in elf_sections(out / "firmware.elf") if s.vma >= 0x40200000)
        assert (out / f"firmware-0x{irom - 0x40200000:05x}.bin").stat().st_size > 0


@pytest.mark.parametrize("name", [b for b in QEMU_BOARDS if b != "PYBV10"])
def test_qemu_board_boots_and_prints(name: str, tmp_path: Path) -> None:
    out = build(name, {"main.py": FROZEN_MAIN})
    (tmp_path / "main.py").write_text(FROZEN_MAIN)
    machine = load_board(name).get("run.machine")
    result = run_qemu(out / "firmware.elf", machine, timeout=60, echo=None)
    assert (result.status, result.output) == (0, cpython_output(tmp_path / "main.py").stdout)


def test_board_dir_outside_the_tree(tmp_path: Path) -> None:
    boards = tmp_path / "myboards"
    boards.mkdir()
    text = Path(load_board("NETDUINO_PLUS_2").path).read_text()
    (boards / "MY_BOARD.yaml").write_text(text.replace("name: NetduinoPlus2", "name: Mine"))
    result = scons("board=MY_BOARD", f"board_dir={boards}", f"build_dir={tmp_path / 'b'}")
    assert result.returncode == 0, result.stderr
    header = (tmp_path / "b" / "genhdr" / "mpconfigboard.h").read_text()
    assert '#define MPF_BOARD_NAME "Mine"' in header
    run = run_qemu(tmp_path / "b" / "firmware.elf", "netduinoplus2", timeout=60, echo=None)
    assert run.status == 0 and "Hello from mpforge!" in run.output


def test_variant_builds_apart_without_the_fpu(tmp_path: Path) -> None:
    result = scons("board=PYBV10", "variant=NOFLOAT", f"build_dir={tmp_path / 'v'}")
    assert result.returncode == 0, result.stderr
    with open(tmp_path / "v" / "firmware.elf", "rb") as f:
        flags = ELFFile(f).header["e_flags"]
    assert not flags & 0x400, "EF_ARM_ABI_FLOAT_HARD set in a no-float variant"
    bad = scons("board=PYBV10", "variant=NOPE")
    assert bad.returncode == 2
    assert bad.stderr.strip() == (
        "boards/PYBV10.yaml: variant 'NOPE' is not declared (variants: DEBUG, NOFLOAT)"
    )


def test_overflow_stops_the_build_with_sizes(tmp_path: Path) -> None:
    boards = tmp_path / "boards"
    boards.mkdir()
    text = Path(load_board("NUCLEO_F091RC").path).read_text()
    (boards / "BIG.yaml").write_text(text.replace("heap_size: 16K", "heap_size: 40K"))
    result = scons("board=BIG", f"board_dir={boards}", f"build_dir={tmp_path / 'b'}")
    assert result.returncode != 0
    [line] = [x for x in result.stderr.splitlines() if "does not fit" in x]
    assert line.endswith("firmware.elf does not fit: " + line.split("does not fit: ")[1])
    assert "ram " in line and "bytes of 32,768 (overflow by " in line
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "b" / "firmware.elf").exists()


def test_new_board_like_pybv10_builds_at_once(tmp_path: Path) -> None:
    from mpforge.cli import main

    boards = tmp_path / "boards"
    assert main(["new-board", "MY_PYB", "--like", "PYBV10", "--board-dir", str(boards)]) == 0
    assert load_board("MY_PYB", boards).get("mcu") == load_board("PYBV10").get("mcu")
    result = scons("board=MY_PYB", f"board_dir={boards}", f"build_dir={tmp_path / 'b'}")
    assert result.returncode == 0, result.stderr
    assert main(["new-board", "MY_PYB", "--like", "PYBV10", "--board-dir", str(boards)]) == 2


def test_boards_json_lists_every_board(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from mpforge.cli import main

    assert main(["boards", "--json"]) == 0
    rows = {r["board"]: r for r in json.loads(capsys.readouterr().out)}
    assert sorted(rows) == board_names()
    for name, row in rows.items():
        board = load_board(name)
        assert row["flash"] == board.get("memory.flash.size", 0)
        assert row["ram"] == board.get("memory.ram.size", 0)
        assert bool(row["qemu"]) == (board.get("run.method") == "qemu")


def test_scons_board_all_declares_every_board() -> None:
    result = scons("board=all", "-n", "-j2")
    assert result.returncode == 0, result.stderr
    for name in BOARDS + ["unix"]:
        assert f"build/{name}/firmware" in result.stdout, name
