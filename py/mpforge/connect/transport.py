"""Byte pipes to running firmware: a serial port (pyserial, also `socket://` URLs), the
unix firmware's stdin/stdout, and QEMU with its serial port on a local TCP socket."""

from __future__ import annotations

import queue
import socket
import subprocess
import threading
import time
from pathlib import Path

from ..build.toolchain import find_tool
from ..errors import MpforgeError

READ_TIMEOUT = 0.05


class SerialTransport:
    def __init__(self, url: str, baud: int = 115200) -> None:
        import serial

        try:
            self.port = serial.serial_for_url(url, baudrate=baud, timeout=READ_TIMEOUT)
        except (serial.SerialException, ValueError) as err:
            raise MpforgeError(f"{url}: cannot open: {err}") from None

    def write(self, data: bytes) -> None:
        self.port.write(data)
        self.port.flush()

    def read(self, n: int) -> bytes:
        import serial

        try:
            return self.port.read(n)
        except serial.SerialException as err:
            raise MpforgeError(f"{self.port.name}: the serial line went away ({err})") from None

    def close(self) -> None:
        self.port.close()


class ProcessTransport:
    """A child process's stdin/stdout; its stdout read by a thread so reads can time out."""

    def __init__(self, argv: list[str], stdout: bool = True) -> None:
        self.argv = argv
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE if stdout else subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.chunks: queue.Queue[bytes] = queue.Queue()
        self.buffer = b""
        if stdout:
            threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        while data := self.proc.stdout.read1(4096):
            self.chunks.put(data)
        self.chunks.put(b"")

    def write(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise MpforgeError(f"{self.argv[0]} exited (status {self.proc.poll()})") from None

    def read(self, n: int) -> bytes:
        if not self.buffer:
            try:
                self.buffer = self.chunks.get(timeout=READ_TIMEOUT)
            except queue.Empty:
                return b""
            if self.buffer == b"":
                self.chunks.put(b"")  # stay at end of input
                status = self.proc.poll()
                state = "is running" if status is None else f"exited with status {status}"
                raise MpforgeError(f"{self.argv[0]} closed its output ({state})")
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def close(self) -> None:
        if self.proc.stdin is not None:
            try:
                self.proc.stdin.close()
            except BrokenPipeError:
                pass  # the firmware is already gone; closing only flushed into nothing
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QemuTransport(SerialTransport):
    """QEMU running `elf` with the loader selected, its serial0 a TCP server we connect to."""

    def __init__(self, elf: Path, machine: str, module: str) -> None:
        qemu = find_tool("qemu-system-arm")
        port = _free_port()
        argv = [
            qemu,
            "-M",
            machine,
            "-display",
            "none",
            "-monitor",
            "none",
            "-semihosting-config",
            f"enable=on,target=native,arg={module}",
            "-serial",
            f"tcp:127.0.0.1:{port},server=on,wait=on",
            "-kernel",
            str(elf),
        ]
        self.qemu = ProcessTransport(argv, stdout=False)
        deadline = time.monotonic() + 10
        while True:
            try:
                super().__init__(f"socket://127.0.0.1:{port}")
                break
            except MpforgeError:
                if self.qemu.proc.poll() is not None or time.monotonic() > deadline:
                    raise MpforgeError(f"QEMU did not start ({' '.join(argv)})") from None
                time.sleep(0.05)

    def close(self) -> None:
        super().close()
        self.qemu.proc.kill()
        self.qemu.proc.wait()
