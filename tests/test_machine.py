"""The time and machine modules on the boards.

What QEMU models is checked against QEMU: the core clock it runs (the host's clock
times sleeps), the register writes it logs for the STM32's GPIO it leaves unimplemented
(`-d unimp`: offsets and values as RM0090 lays the registers out), the MPS2 FPGA's LEDs
it keeps, the reset it performs. Every other board is checked for the modules being
linked in. Expected values come from the board's YAML files, not from the firmware.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, build
from elftools.elf.elffile import ELFFile
from mpforge.build.board import board_names, load_board, pin_number
from mpforge.build.toolchain import find_tool
from mpforge.deploy.qemu import qemu_argv, run_qemu, run_streaming

BOARDS = [n for n in board_names() if n != "unix"]
QEMU_BOARDS = [n for n in BOARDS if load_board(n).get("run.method") == "qemu"]
STM32_QEMU_BOARDS = [n for n in QEMU_BOARDS if load_board(n).port == "stm32"]

FREQ = "import machine\nprint(machine.freq())\n"
SLEEP_MS = 1500
SLEEP = f"""import time
t0 = time.ticks_ms()
u0 = time.ticks_us()
print("start")
time.sleep_ms({SLEEP_MS})
print("end", time.ticks_diff(time.ticks_ms(), t0), time.ticks_diff(time.ticks_us(), u0))
"""
RESET = 'import machine\nprint("boot")\nmachine.reset()\nprint("not reached")\n'
# many reads in a row, across many millisecond reloads of SysTick
MONOTONIC = """import time
backwards = 0
prev = time.ticks_us()
for i in range(60000):
    now = time.ticks_us()
    if time.ticks_diff(now, prev) < 0:
        backwards += 1
    prev = now
print("backwards", backwards)
"""


def _board_sysclk(name: str) -> int:
    """The core clock the board's YAML asks for: a fixed one, or the PLL's output."""
    clock = load_board(name).get("clock")
    if "sysclk_hz" in clock:
        return clock["sysclk_hz"]
    return clock["hse_hz"] // clock["pll_m"] * clock["pll_n"] // clock["pll_p"]


def _qemu(elf: Path, machine: str, module: str, *extra: str, echo=None):
    argv = qemu_argv(find_tool("qemu-system-arm"), elf, machine, module) + list(extra)
    return run_streaming(argv, timeout=60, echo=echo)


@pytest.fixture(scope="module", params=QEMU_BOARDS)
def qemu_board(request: pytest.FixtureRequest) -> tuple[str, Path, str]:
    modules = {"freq.py": FREQ, "sleep.py": SLEEP, "reset.py": RESET, "monotonic.py": MONOTONIC}
    out = build(request.param, modules)
    return request.param, out / "firmware.elf", load_board(request.param).get("run.machine")


def test_freq_is_the_clock_the_board_asks_for(qemu_board: tuple[str, Path, str]) -> None:
    name, elf, machine = qemu_board
    result = run_qemu(elf, machine, module="freq", timeout=60, echo=None)
    assert (result.status, result.output) == (0, f"{_board_sysclk(name)}\n")


def test_sleep_ms_lasts_that_long_on_the_host_clock(qemu_board: tuple[str, Path, str]) -> None:
    """QEMU's timers follow the host's clock: a sleep counted in SysTick periods at the
    clock freq() reports lasts as long on the host only if that is the core's clock."""
    _, elf, machine = qemu_board
    seen: dict[str, float] = {}
    text: list[str] = []

    def stamp(chunk: str) -> None:
        text.append(chunk)
        for mark in ("start", "end"):
            if mark not in seen and mark in "".join(text):
                seen[mark] = time.monotonic()

    result = _qemu(elf, machine, "sleep", echo=stamp)
    assert result.status == 0, result.output
    [ms, us] = [int(v) for v in result.output.split("end ")[1].split()]
    # the ticks: at least the sleep, and no more than a tick or two (plus the calls) over
    assert SLEEP_MS <= ms <= SLEEP_MS + 20
    assert SLEEP_MS * 1000 <= us <= (SLEEP_MS + 20) * 1000
    # the host: not shorter (a core clock faster than freq() says would make it so);
    # a loaded host delivers ticks late, so the upper bound is loose
    elapsed = seen["end"] - seen["start"]
    assert SLEEP_MS / 1000 * 0.95 <= elapsed <= SLEEP_MS / 1000 * 4


def test_ticks_us_never_goes_backwards(qemu_board: tuple[str, Path, str]) -> None:
    """QEMU can show SysTick's counter reloaded before it marks the interrupt pending;
    read then, the time went back by up to a millisecond, and a timeout measured across
    it ended at once (the serial loader's NAK 'T' under load)."""
    _, elf, machine = qemu_board
    result = run_qemu(elf, machine, module="monotonic", timeout=60, echo=None)
    assert (result.status, result.output) == (0, "backwards 0\n")


def test_reset_restarts_the_machine(qemu_board: tuple[str, Path, str]) -> None:
    """SYSRESETREQ: QEMU resets the machine, which -no-reboot turns into an exit."""
    _, elf, machine = qemu_board
    result = _qemu(elf, machine, "reset", "-no-reboot")
    assert (result.status, result.output) == (0, "boot\n")


GPIO_PROGRAM = """import machine
p = machine.Pin({led!r}, machine.Pin.OUT)
p.on()
p.off()
p(1)
q = machine.Pin(({port!r}, {bit}), machine.Pin.IN, machine.Pin.PULL_UP)
print(q.value(), machine.Pin.OUT, machine.Pin.PULL_UP)
"""
# RM0090 (and RM0091, RM0351): GPIO registers, and the values this test expects in them
MODER, PUPDR, IDR, BSRR = 0x00, 0x0C, 0x10, 0x18
_UNIMP = re.compile(
    r"^(\w+): unimplemented device (read|write) +\(size 4, offset (0x[0-9a-f]+)"
    r"(?:, value (0x[0-9a-f]+))?\)"
)


@pytest.mark.parametrize("name", STM32_QEMU_BOARDS)
def test_stm32_pins_drive_the_gpio_registers(name: str, tmp_path: Path) -> None:
    """QEMU's STM32F405 leaves GPIO and RCC unimplemented: reads give 0 and `-d unimp`
    logs every access, so the log shows exactly what the driver wrote where."""
    board = load_board(name)
    led_name, led = next((n, p) for n, p in board.get("pins").items() if n.startswith("LED"))
    led_port, led_bit = divmod(pin_number(led), 16)
    in_port, in_bit = 2, 6  # ("C", 6): a pin no board here drives
    program = GPIO_PROGRAM.format(led=led_name, port="ABCDEFGHIJK"[in_port], bit=in_bit)
    elf = build(name, {"gpio.py": program}) / "firmware.elf"
    log = tmp_path / "unimp.log"
    result = _qemu(elf, board.get("run.machine"), "gpio", "-d", "unimp", "-D", str(log))
    # the input reads 0 (nothing models the pad); IN/OUT/PULL_UP are MicroPython's values
    assert (result.status, result.output) == (0, "0 1 1\n")

    accesses = []
    for line in log.read_text().splitlines():
        if m := _UNIMP.match(line):
            value = int(m.group(4), 16) if m.group(4) else None
            accesses.append((m.group(1), m.group(2), int(m.group(3), 16), value))

    def writes(device: str, offset: int) -> list[int]:
        return [v for d, kind, o, v in accesses if (d, kind, o) == (device, "write", offset)]

    led_gpio, in_gpio = f"GPIO{'ABCDEFGHIJK'[led_port]}", f"GPIO{'ABCDEFGHIJK'[in_port]}"
    # MODER 01 (output) for the LED's bit, 00 (input) for the other; PUPDR 01 (pull-up)
    assert [(v >> 2 * led_bit) & 3 for v in writes(led_gpio, MODER)][-1:] == [1]
    assert [(v >> 2 * in_bit) & 3 for v in writes(in_gpio, MODER)][-1:] == [0]
    assert [(v >> 2 * in_bit) & 3 for v in writes(in_gpio, PUPDR)] == [1]
    # on, off, on through BSRR: set in the low half, reset in the high half
    assert writes(led_gpio, BSRR) == [1 << led_bit, 1 << (led_bit + 16), 1 << led_bit]
    assert (in_gpio, "read", IDR, None) in accesses
    # each port's clock enable bit, in the RCC register the MCU file names
    rcc_offset = board.get("gpio.enable_reg") - 0x40023800
    enabled = {v for v in writes("RCC", rcc_offset)}
    first = board.get("gpio.enable_bit")
    assert {1 << (first + led_port), 1 << (first + in_port)} <= enabled


def test_mps2_fpga_leds_read_back_what_was_written() -> None:
    """QEMU models the MPS2 FPGA IO's LED register: a write is read back."""
    program = """import machine
for pin in ("LED0", "LED1", 64):
    p = machine.Pin(pin, machine.Pin.OUT)
    p.on()
    a = p.value()
    p.off()
    b = p()
    p(1)
    c = p.value()
    p.init(machine.Pin.OUT, value=0)
    print(p, a, b, c, p.value())
"""
    board = load_board("QEMU_MPS2_AN385")
    leds = board.get("pins")
    elf = build("QEMU_MPS2_AN385", {"leds.py": program}) / "firmware.elf"
    result = run_qemu(elf, board.get("run.machine"), module="leds", timeout=60, echo=None)
    expected = "".join(f"Pin({pin_number(leds[n])}) 1 0 1 0\n" for n in ("LED0", "LED1", "LED0"))
    assert (result.status, result.output) == (0, expected)


def _symbols(elf: Path) -> set[str]:
    with open(elf, "rb") as f:
        return {s.name for s in ELFFile(f).get_section_by_name(".symtab").iter_symbols()}


def _loaded_bytes(elf: Path) -> bytes:
    with open(elf, "rb") as f:
        return b"".join(
            s.data() for s in ELFFile(f).iter_sections() if s["sh_type"] == "SHT_PROGBITS"
        )


@pytest.mark.parametrize("name", BOARDS)
def test_time_and_machine_link_into_every_firmware(name: str) -> None:
    """Boards QEMU does not model: the modules, the port's drivers behind them and their
    names are in the image (the build has checked it fits the flash and RAM)."""
    elf = build(name, {"main.py": FROZEN_MAIN}) / "firmware.elf"
    symbols = _symbols(elf)
    for sym in ("mpf_module_time", "mpf_module_machine", "mpf_port_time_us", "mpf_port_delay_us",
                "mpf_port_pin_config", "mpf_port_pin_write", "mpf_port_pin_read",
                "mpf_port_freq", "mpf_port_reset"):  # fmt: skip
        assert sym in symbols, f"{name}: {sym} not linked"
    data = _loaded_bytes(elf)
    for qstr in (b"ticks_diff", b"sleep_ms", b"machine", b"Pin", b"PULL_UP", b"OPEN_DRAIN"):
        assert qstr + b"\0" in data, f"{name}: qstr {qstr.decode()} missing"
    # the board's own pin names are compiled in for Pin("NAME")
    for pin in load_board(name).get("pins", {}):
        assert pin.encode() + b"\0" in data, f"{name}: pin name {pin} missing"


def test_unix_time_is_the_hosts_wall_clock() -> None:
    """time.time() on unix: seconds since the Epoch, as CPython's time.time() says."""
    from mpforge.deploy.qemu import run_host

    out = build("unix", {"main.py": "import time\nprint(time.time())\n"})
    before = int(time.time())
    result = run_host(out / "firmware", timeout=60, echo=None)
    after = time.time()
    assert result.status == 0, result.output
    assert before <= int(result.output) <= after
