"""Boards are data: schema errors point at the file and line, in one exact line."""

from __future__ import annotations

from pathlib import Path

import pytest
from buildkit import ROOT, scons
from mpforge.build.board import board_names, load_board
from mpforge.errors import MpforgeError

GOOD = """\
name: test board
port: stm32
mcu: STM32F405RG
memory:
  flash: {origin: 0x08000000, size: 1M}
  ram: {origin: 0x20000000, size: 128K}
clock: {hse_hz: 8000000, pll_m: 8, pll_n: 336, pll_p: 2, pll_q: 7}
console:
  uart: USART1
  base: 0x40011000
  bus: apb2
  enable_bit: 4
  baud: 115200
heap_size: 32K
run: {method: qemu, machine: netduinoplus2}
"""


def board_error(tmp_path: Path, text: str) -> str:
    boards = tmp_path / "boards"
    boards.mkdir(exist_ok=True)
    (boards / "X.yaml").write_text(text)
    with pytest.raises(MpforgeError) as info:
        load_board("X", board_dir=boards)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_pybv10_is_the_stm32f405_with_usart1_console() -> None:
    board = load_board("PYBV10")
    assert board.port == "stm32"
    assert board.get("mcu") == "STM32F405RG"
    assert board.get("memory.flash") == {"origin": 0x08000000, "size": 1024 * 1024}
    assert board.get("memory.ram") == {"origin": 0x20000000, "size": 128 * 1024}
    assert board.get("memory.ccm") == {"origin": 0x10000000, "size": 64 * 1024}
    assert board.get("console.base") == 0x40011000
    assert board.get("console.baud") == 115200
    assert board.get("deploy.usb_id") == "0483:df11"
    assert board.get("run.machine") == "netduinoplus2"
    # merged from ports/stm32/port.yaml
    assert board.get("toolchain.cc") == "arm-none-eabi-gcc"


def test_unix_board_takes_its_port_defaults() -> None:
    board = load_board("unix")
    assert board.get("toolchain.cc") == "gcc"
    assert board.get("run.method") == "host"


def test_good_temp_board_loads(tmp_path: Path) -> None:
    (tmp_path / "X.yaml").write_text(GOOD)
    assert load_board("X", board_dir=tmp_path).get("heap_size") == 32 * 1024


def test_unknown_key(tmp_path: Path) -> None:
    message = board_error(tmp_path, GOOD + "colour: blue\n")
    line = GOOD.count("\n") + 1
    assert message.startswith(f"{tmp_path}/boards/X.yaml:{line}: colour: unknown key (known here: ")


def test_unknown_nested_key(tmp_path: Path) -> None:
    text = GOOD.replace("  baud: 115200\n", "  baud: 115200\n  parity: even\n")
    message = board_error(tmp_path, text)
    assert message.startswith(f"{tmp_path}/boards/X.yaml:14: console.parity: unknown key")


def test_wrong_type(tmp_path: Path) -> None:
    message = board_error(tmp_path, GOOD.replace("heap_size: 32K", "heap_size: lots"))
    assert message == (
        f"{tmp_path}/boards/X.yaml:14: heap_size: expected a size in bytes "
        "(e.g. 65536, 64K, 1M), got str 'lots'"
    )


def test_wrong_nested_type(tmp_path: Path) -> None:
    message = board_error(tmp_path, GOOD.replace("baud: 115200", "baud: fast"))
    assert (
        message == f"{tmp_path}/boards/X.yaml:13: console.baud: expected an integer, got str 'fast'"
    )


def test_choice(tmp_path: Path) -> None:
    message = board_error(tmp_path, GOOD.replace("bus: apb2", "bus: ahb3"))
    assert message == f"{tmp_path}/boards/X.yaml:11: console.bus: 'ahb3' is not one of: apb1, apb2"


def test_mapping_expected(tmp_path: Path) -> None:
    message = board_error(tmp_path, GOOD.replace("heap_size: 32K", "heap_size: 32K\nrun: qemu"))
    assert message.startswith(f"{tmp_path}/boards/X.yaml:15: run: expected a mapping of keys, got")


def test_required_key_missing(tmp_path: Path) -> None:
    # ports/stm32/port.yaml gives no console, so the board must
    text = GOOD.replace("  baud: 115200\n", "")
    message = board_error(tmp_path, text)
    assert message == f"{tmp_path}/boards/X.yaml:8: console.baud: required key missing"


def test_unknown_port(tmp_path: Path) -> None:
    message = board_error(tmp_path, GOOD.replace("port: stm32", "port: avr"))
    assert message.startswith(f"{tmp_path}/boards/X.yaml:2: port: no port 'avr' (ports: ")


def test_yaml_syntax_error(tmp_path: Path) -> None:
    message = board_error(tmp_path, "port: stm32\nmemory: {flash: [\n")
    assert message.startswith(f"{tmp_path}/boards/X.yaml:")


def test_unknown_board_names_the_boards(tmp_path: Path) -> None:
    with pytest.raises(MpforgeError) as info:
        load_board("NOPE")
    assert str(info.value) == (
        f"unknown board 'NOPE': boards in boards/ are: {', '.join(board_names())}"
    )


def test_scons_unknown_board_is_one_line() -> None:
    result = scons("board=NOPE")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"unknown board 'NOPE': boards in boards/ are: {', '.join(board_names())}"
    )
    assert "PYBV10" in result.stderr and "unix" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_scons_without_board_lists_them() -> None:
    result = scons()
    assert result.returncode == 2
    assert result.stderr.strip().startswith("no board given: scons board=NAME")


def test_every_board_in_the_tree_is_valid() -> None:
    for name in board_names(ROOT / "boards"):
        load_board(name)
