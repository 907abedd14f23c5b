"""The host side of the serial loader protocol (ports/loader/mpfloader.h has the frames).

`LoaderLink` sends a compiled module and collects what the firmware prints until the
end marker; the transport is anything with `write(bytes)` and `read(n) -> bytes` that
returns b"" when nothing arrived within its short timeout.
"""

from __future__ import annotations

import os
import struct
import time
import zlib
from collections.abc import Callable
from typing import Protocol

from ..errors import MpforgeError

SOH, STX, ETX, EOT, ACK, DLE, NAK = 0x01, 0x02, 0x03, 0x04, 0x06, 0x10, 0x15
REASONS = {
    ord("C"): "the frame's CRC did not match (line noise?)",
    ord("L"): "the module is larger than the loader's buffer",
    ord("U"): "the loader does not know the command",
    ord("F"): "malformed frame",
    ord("T"): "the frame stopped half-way and timed out (a slow or lossy line?)",
}
RESENDABLE = frozenset((ord("C"), ord("T")))
SEND_ATTEMPTS = 3
# longer than the device's MPF_LOADER_BYTE_TIMEOUT_MS: after this much silence the
# loader has given up on any frame it was reading
LINE_QUIET_S = 1.5


class Silence(MpforgeError):
    """Nothing arrived in time (as opposed to the line or the process going away)."""


class Transport(Protocol):
    def write(self, data: bytes) -> None: ...
    def read(self, n: int) -> bytes: ...
    def close(self) -> None: ...


def frame(command: bytes, payload: bytes) -> bytes:
    body = command + struct.pack("<I", len(payload)) + payload
    return bytes([SOH]) + body + struct.pack("<I", zlib.crc32(body))


class LoaderLink:
    def __init__(self, transport: Transport, where: str, timeout: float = 10.0) -> None:
        self.transport = transport
        self.where = where
        self.timeout = timeout
        self.buffer_size = 0
        self.noise = bytearray()  # what arrived outside replies (boot output)

    def _byte(self, deadline: float) -> int:
        while True:
            data = self.transport.read(1)
            if data:
                return data[0]
            if time.monotonic() > deadline:
                raise Silence(
                    f"{self.where}: no answer from the firmware's serial loader within "
                    f"{self.timeout:g} s (is the firmware running, built with the loader, "
                    "and is this its console port?)"
                )

    def hello(self, interval: float = 0.5) -> str:
        """Find the loader: send a hello frame every `interval` seconds until one is
        answered with its token (a UART that is not yet listening drops the first)."""
        overall = time.monotonic() + self.timeout
        while time.monotonic() < overall:
            token = os.urandom(4).hex().encode()
            self.transport.write(frame(b"H", token))
            deadline = min(overall, time.monotonic() + interval)
            text = bytearray()
            try:
                while True:
                    b = self._byte(deadline)
                    if b == STX:
                        text.clear()
                    elif b == ETX:
                        words = text.decode("ascii", "replace").split()
                        ours = words[3:] == [token.decode()]
                        if len(words) == 4 and words[0] == "mpf-loader" and ours:
                            self.buffer_size = int(words[2])
                            return " ".join(words[:2])
                    else:
                        text.append(b)
                        self.noise.append(b)
            except Silence:
                continue
        raise MpforgeError(
            f"{self.where}: no serial loader answered within {self.timeout:g} s: is the "
            "firmware running on this port, and idle at its loader?"
        )

    def execute(
        self,
        mpy: bytes,
        name: str,
        echo: Callable[[str], None] | None = None,
        session: bool = False,
    ) -> tuple[int, str]:
        """Run `mpy`; returns (status 0 or 1, output); output also goes to `echo` as it comes.

        `session`: run in the globals the session's statements before left (a REPL)."""
        if self.buffer_size and len(mpy) + len(name) + 1 > self.buffer_size:
            raise MpforgeError(
                f"{name}: {len(mpy)} bytes of .mpy, the loader on {self.where} takes "
                f"{self.buffer_size}"
            )
        data = frame(b"S" if session else b"X", name.encode() + b"\0" + mpy)
        for attempt in range(1, SEND_ATTEMPTS + 1):
            self.transport.write(data)
            deadline = time.monotonic() + self.timeout
            b = self._byte(deadline)
            while b not in (ACK, NAK):
                b = self._byte(deadline)
            if b == ACK:
                break
            reason = self._byte(deadline)
            # a frame the line mangled or stalled was dropped unrun: sending it again is
            # safe once the loader is idle (the rest of a stalled frame may still arrive)
            if reason not in RESENDABLE or attempt == SEND_ATTEMPTS:
                raise MpforgeError(
                    f"{self.where}: the loader refused {name}: {REASONS.get(reason, chr(reason))}"
                )
            self._wait_quiet()
        out = bytearray()
        pending = bytearray()
        escape = False
        while True:
            # a program may run as long as it likes: only silence before the ACK is an error
            data = self.transport.read(1)
            if not data:
                self._flush(pending, out, echo)
                continue
            b = data[0]
            if escape:
                pending.append(b ^ 0x20)
                escape = False
            elif b == DLE:
                escape = True
            elif b == EOT:
                status = self._byte(time.monotonic() + self.timeout)
                self._flush(pending, out, echo)
                text = out.decode("utf-8", "replace").replace("\r\n", "\n")
                return (0 if status == ord("0") else 1), text
            else:
                pending.append(b)
                if b == 0x0A:
                    self._flush(pending, out, echo)

    def _wait_quiet(self) -> None:
        """Discard what arrives until the line has been silent for LINE_QUIET_S."""
        overall = time.monotonic() + self.timeout
        quiet_until = time.monotonic() + LINE_QUIET_S
        while time.monotonic() < min(quiet_until, overall):
            if self.transport.read(1):
                quiet_until = time.monotonic() + LINE_QUIET_S

    @staticmethod
    def _flush(pending: bytearray, out: bytearray, echo: Callable[[str], None] | None) -> None:
        if pending:
            out += pending
            if echo is not None:
                echo(bytes(pending).decode("utf-8", "replace").replace("\r\n", "\n"))
            pending.clear()
