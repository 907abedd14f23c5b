"""Running firmware: under qemu-system-arm for boards QEMU models, natively for unix.

The firmware ends itself through semihosting SYS_EXIT, so QEMU's exit status is the
program's. Console output is streamed as it arrives (and collected), with the UART's
CR LF line ends turned back into LF so it compares with what CPython prints.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..build.toolchain import find_tool

TIMEOUT_STATUS = 124  # what coreutils' timeout(1) returns


@dataclass
class RunResult:
    status: int
    output: str
    timed_out: bool = False

    @property
    def message(self) -> str:
        return "" if not self.timed_out else "timed out"


def qemu_argv(qemu: str, elf: Path, machine: str, module: str | None = None) -> list[str]:
    """The QEMU command line; `module` goes to the firmware as its semihosting command line."""
    semihosting = "enable=on,target=native"
    if module:
        semihosting += f",arg={module}"
    return [
        qemu,
        "-M",
        machine,
        "-nographic",
        "-monitor",
        "none",
        "-semihosting-config",
        semihosting,
        "-kernel",
        str(elf),
    ]


def run_streaming(
    argv: Sequence[str],
    timeout: float,
    echo: Callable[[str], None] | None = None,
) -> RunResult:
    """Run `argv`, passing each chunk of output to `echo` as it comes; kill it at `timeout`."""
    proc = subprocess.Popen(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=os.environ.copy(),
    )
    chunks: list[str] = []
    pending_cr = False
    # the console may deliver a multi-byte character one byte at a time
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def pump() -> None:
        nonlocal pending_cr
        assert proc.stdout is not None
        while data := proc.stdout.read1(4096):
            text = decoder.decode(data)
            if pending_cr:
                text = "\r" + text
            pending_cr = text.endswith("\r")
            if pending_cr:
                text = text[:-1]
            text = text.replace("\r\n", "\n")
            chunks.append(text)
            if echo is not None:
                echo(text)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout
    timed_out = False
    try:
        proc.wait(timeout=max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.kill()
        proc.wait()
    reader.join(timeout=5)
    status = TIMEOUT_STATUS if timed_out else proc.returncode
    return RunResult(status=status, output="".join(chunks), timed_out=timed_out)


def _stdout_echo(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def run_qemu(
    elf: Path,
    machine: str,
    module: str | None = None,
    timeout: float = 30.0,
    echo: Callable[[str], None] | None = _stdout_echo,
) -> RunResult:
    """Boot `elf` on QEMU's `machine`; run frozen `module` (default: main)."""
    qemu = find_tool("qemu-system-arm")
    return run_streaming(qemu_argv(qemu, elf, machine, module), timeout, echo)


def run_host(
    exe: Path,
    args: Sequence[str] = (),
    timeout: float = 30.0,
    echo: Callable[[str], None] | None = _stdout_echo,
) -> RunResult:
    """Run the unix firmware: no argument runs frozen main, `prog.mpy` runs that file."""
    return run_streaming([str(exe), *args], timeout, echo)
