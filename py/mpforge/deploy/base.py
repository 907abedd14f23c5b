"""Deploy methods: one class per way firmware reaches a board, found by name in METHODS.

Modelled on Zephyr's west runners: each method is a class with its constants as class
attributes; everything that changes a device goes through `Session.do` (library
calls) or `Session.check_call` (external programs), which log the step and, in a dry
run, only say what would be done. A method keeps its device handle on its instance,
never in a module global.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TextIO, TypeVar

from ..build.board import Board
from ..errors import MpforgeError
from .progress import Progress, human_bytes

T = TypeVar("T")


@dataclass
class DeployOptions:
    """What the user may choose; every field has the default a plain `deploy` uses."""

    port: str | None = None  # serial port, or the UF2 drive's directory
    baud: int | None = None
    dry_run: bool = False
    verify: bool = True
    timeout: float = 30.0  # QEMU boards: how long `deploy` (which runs them) may take
    out: TextIO = field(default_factory=lambda: sys.stdout)
    progress_stream: TextIO | None = None  # None: stderr
    # tests and embedders hand over their own device finders (pyusb backend, drive roots)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class DeployResult:
    method: str
    target: str  # where it went: "USB 0483:df11", "/dev/ttyUSB0", "/media/u/RPI-RP2"
    nbytes: int = 0
    seconds: float = 0.0
    verified: bool | None = None  # None: the method cannot read back
    verify_note: str = ""
    dry_run: bool = False
    status: int = 0  # QEMU boards: the program's exit status

    def summary(self) -> str:
        if self.dry_run:
            return f"dry run: nothing was written ({self.method}, {self.target})"
        if self.verified is True:
            check = "verified" + (f" ({self.verify_note})" if self.verify_note else "")
        elif self.verified is None:
            check = "not verified" + (f": {self.verify_note}" if self.verify_note else "")
        else:
            check = "VERIFICATION FAILED"
        return (
            f"wrote {human_bytes(self.nbytes)} ({self.nbytes} bytes) to {self.target} "
            f"by {self.method} in {self.seconds:.1f} s, {check}"
        )


class Session:
    """The one path by which a method acts: logged, and skipped in a dry run."""

    def __init__(self, options: DeployOptions) -> None:
        self.options = options
        self.dry_run = options.dry_run
        self.steps: list[str] = []

    def say(self, text: str) -> None:
        self.options.out.write(text + "\n")
        self.options.out.flush()

    def do(self, what: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Log `what`; run `fn` unless this is a dry run (then return None)."""
        self.steps.append(what)
        self.say(("would " if self.dry_run else "") + what)
        if self.dry_run:
            return None
        return fn(*args, **kwargs)

    def check_call(self, argv: list[str], timeout: float = 120.0) -> None:
        """Run an external program (logged as its command line); its failure is ours."""
        line = shlex.join(argv)
        self.steps.append(line)
        self.say(("would run: " if self.dry_run else "running: ") + line)
        if self.dry_run:
            return
        try:
            done = subprocess.run(
                argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout
            )
        except FileNotFoundError:
            raise MpforgeError(f"{argv[0]}: not found") from None
        except subprocess.TimeoutExpired:
            raise MpforgeError(f"{argv[0]} did not finish within {timeout:g} s") from None
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise MpforgeError(
                f"{argv[0]} failed (status {done.returncode})"
                + (f": {detail[-1]}" if detail else "")
            )

    def progress(self, label: str, total: int) -> Progress:
        return Progress(label, total, self.options.progress_stream)


class DeployMethod:
    """One way of putting firmware on a board. Subclasses set the constants and `deploy`."""

    name: ClassVar[str]
    # the build output the method sends, relative to the build directory
    firmware_file: ClassVar[str]
    # what to do when the device is not found (how to enter the bootloader)
    bootloader_hint: ClassVar[str] = ""

    def __init__(self, board: Board, firmware: Path, options: DeployOptions) -> None:
        self.board = board
        self.firmware = firmware
        self.options = options
        self.session = Session(options)

    def deploy(self) -> DeployResult:
        raise NotImplementedError

    def read_firmware(self) -> bytes:
        try:
            return self.firmware.read_bytes()
        except OSError as err:
            raise MpforgeError(f"{self.firmware}: cannot read: {err.strerror}") from None

    def check_built_for_board(self) -> None:
        """Firmware from another board's build directory is refused before anything is sent."""
        built_for = built_board(self.firmware)
        if built_for is not None and built_for not in (self.board.name, self.board.build_name):
            raise MpforgeError(
                f"{self.firmware} was built for board {built_for}, not {self.board.name}: "
                f"build it with scons board={self.board.name}"
            )

    def timed(self) -> _Timer:
        return _Timer()


_BOARD_ID_RE = re.compile(r'^#define MPF_BOARD_ID "([^"]*)"', re.MULTILINE)


def built_board(firmware: Path) -> str | None:
    """The board a build directory was made for (its generated mpconfigboard.h), if known."""
    header = firmware.parent / "genhdr" / "mpconfigboard.h"
    try:
        m = _BOARD_ID_RE.search(header.read_text())
    except OSError:
        return None
    return m.group(1) if m else None


class _Timer:
    def __enter__(self) -> _Timer:
        self.start = time.monotonic()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.monotonic() - self.start


METHODS: dict[str, type[DeployMethod]] = {}

M = TypeVar("M", bound=type[DeployMethod])


def register(cls: M) -> M:
    METHODS[cls.name] = cls
    return cls
