"""DfuSe over USB with pyusb: ST's DFU 1.1 extension as the STM32 system bootloader speaks it.

DFU class requests go to the DFU interface (bmRequestType 0x21 out, 0xA1 in). DfuSe
adds commands sent as DNLOAD block 0 (0x21 set address pointer, 0x41 erase page), and
numbers data blocks from 2: block n goes to pointer + (n - 2) * wTransferSize. Every
DNLOAD is acted on only when the host asks GETSTATUS; the device answers dfuDNBUSY
with a poll timeout while it erases or writes, then dfuDNLOAD_IDLE. UPLOAD (read back)
is only accepted from dfuIDLE, reached by ABORT. A zero-length DNLOAD then GETSTATUS
leaves DFU mode: the device starts the firmware at the address pointer and drops off
the bus. The alternate setting's name string describes the memory, e.g.
`@Internal Flash  /0x08000000/04*016Kg,01*064Kg,07*128Kg` (count*size, type letter:
bit 0 readable, bit 1 erasable, bit 2 writable).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import MpforgeError

DFU_CLASS, DFU_SUBCLASS = 0xFE, 0x01
REQ_OUT, REQ_IN = 0x21, 0xA1
DFU_DETACH, DFU_DNLOAD, DFU_UPLOAD, DFU_GETSTATUS, DFU_CLRSTATUS, DFU_GETSTATE, DFU_ABORT = range(7)
DFUSE_SET_ADDRESS, DFUSE_ERASE = 0x21, 0x41
FUNCTIONAL_DESCRIPTOR = 0x21

# bState values (DFU 1.1, section 6.1.2)
STATES = {
    0: "appIDLE",
    1: "appDETACH",
    2: "dfuIDLE",
    3: "dfuDNLOAD-SYNC",
    4: "dfuDNBUSY",
    5: "dfuDNLOAD-IDLE",
    6: "dfuMANIFEST-SYNC",
    7: "dfuMANIFEST",
    8: "dfuMANIFEST-WAIT-RESET",
    9: "dfuUPLOAD-IDLE",
    10: "dfuERROR",
}
STATE = {name: number for number, name in STATES.items()}
# bStatus values: what went wrong, in the specification's words
STATUSES = {
    0x00: "OK",
    0x01: "errTARGET: file is not for this device",
    0x02: "errFILE: file fails a vendor check",
    0x03: "errWRITE: cannot write memory",
    0x04: "errERASE: memory erase failed",
    0x05: "errCHECK_ERASED: memory erase check failed",
    0x06: "errPROG: program memory function failed",
    0x07: "errVERIFY: programmed memory failed verification",
    0x08: "errADDRESS: address out of range",
    0x09: "errNOTDONE: unexpected end of data",
    0x0A: "errFIRMWARE: firmware is corrupt",
    0x0B: "errVENDOR",
    0x0C: "errUSBR: unexpected USB reset",
    0x0D: "errPOR: unexpected power-on reset",
    0x0E: "errUNKNOWN",
    0x0F: "errSTALLEDPKT: unexpected request",
}
DEFAULT_TRANSFER_SIZE = 2048
_UNITS = {" ": 1, "B": 1, "K": 1024, "M": 1024 * 1024}
_SEGMENT_RE = re.compile(r"^(\d+)\*(\d+)([ BKM])([a-g])$")


@dataclass(frozen=True)
class Segment:
    """`pages` pages of `page_size` bytes from `address`; flags from the type letter."""

    address: int
    page_size: int
    pages: int
    readable: bool
    erasable: bool
    writable: bool

    @property
    def end(self) -> int:
        return self.address + self.page_size * self.pages


def parse_layout(text: str) -> tuple[str, list[Segment]]:
    """`@Name /0xADDR/N*SIZEu,.../0xADDR/...` -> (name, segments)."""
    parts = text.strip().lstrip("@").split("/")
    if len(parts) < 3 or len(parts) % 2 == 0:
        raise MpforgeError(f"DfuSe memory layout {text!r}: expected @NAME/0xADDRESS/PAGES")
    name = parts[0].strip()
    segments = []
    for addr_text, pages_text in zip(parts[1::2], parts[2::2], strict=True):
        try:
            address = int(addr_text.strip(), 16)
        except ValueError:
            raise MpforgeError(f"DfuSe memory layout {text!r}: bad address") from None
        for item in pages_text.split(","):
            m = _SEGMENT_RE.match(item.strip())
            if not m:
                raise MpforgeError(f"DfuSe memory layout {text!r}: bad segment {item!r}")
            count, size = int(m.group(1)), int(m.group(2)) * _UNITS[m.group(3)]
            kind = ord(m.group(4)) - ord("a") + 1
            segments.append(
                Segment(address, size, count, bool(kind & 1), bool(kind & 2), bool(kind & 4))
            )
            address += count * size
    return name, segments


def pages_to_erase(segments: list[Segment], address: int, length: int) -> list[int]:
    """Start addresses of the pages [address, address + length) touches; all must be
    writable flash."""
    end = address + length
    pages = []
    pos = address
    while pos < end:
        seg = next((s for s in segments if s.address <= pos < s.end), None)
        if seg is None or not seg.writable:
            raise MpforgeError(
                f"address {pos:#010x} is not in the device's writable memory "
                f"({describe_layout(segments)}): the firmware is for another chip"
            )
        page = seg.address + (pos - seg.address) // seg.page_size * seg.page_size
        if seg.erasable:
            pages.append(page)
        pos = page + seg.page_size
    return pages


def describe_layout(segments: list[Segment]) -> str:
    return ", ".join(f"{s.address:#010x}-{s.end - 1:#010x}" for s in segments)


class DeviceGone(MpforgeError):
    """The device stopped answering: unplugged, reset, or the cable failed."""


class DfuSeDevice:
    """One DfuSe device found by pyusb; every request it makes is a DFU class request."""

    def __init__(self, dev: Any, timeout_ms: int = 5000) -> None:
        self.dev = dev
        self.timeout_ms = timeout_ms
        self.usb_id = f"{dev.idVendor:04x}:{dev.idProduct:04x}"
        self.interface = 0
        self.alt = 0
        self.transfer_size = DEFAULT_TRANSFER_SIZE
        self.layout_name = ""
        self.segments: list[Segment] = []

    @staticmethod
    def find(vid: int, pid: int, backend: Any = None) -> list[Any]:
        import usb.core

        try:
            found = usb.core.find(find_all=True, idVendor=vid, idProduct=pid, backend=backend)
        except usb.core.NoBackendError:
            raise MpforgeError(
                "no USB backend for pyusb: install libusb-1.0 (Debian: libusb-1.0-0)"
            ) from None
        return list(found or [])

    def _usb(self, what: str, fn: Callable[..., Any], *args: Any) -> Any:
        import usb.core

        try:
            return fn(*args)
        except usb.core.USBError as err:
            raise DeviceGone(
                f"USB {self.usb_id} stopped answering during {what} ({err}): the board was "
                "unplugged or reset; nothing written can be trusted, deploy again"
            ) from None

    def open(self) -> None:
        """Claim the DFU interface, read its memory layout and transfer size, clear errors."""
        import usb.util

        dev = self.dev
        self._usb("set configuration", dev.set_configuration)
        cfg = self._usb("get configuration", dev.get_active_configuration)
        intf = usb.util.find_descriptor(
            cfg, bInterfaceClass=DFU_CLASS, bInterfaceSubClass=DFU_SUBCLASS
        )
        if intf is None:
            raise MpforgeError(f"USB {self.usb_id} has no DFU interface")
        self.interface, self.alt = intf.bInterfaceNumber, intf.bAlternateSetting
        self._usb("claim interface", usb.util.claim_interface, dev, self.interface)
        for extra in (bytes(intf.extra_descriptors), bytes(cfg.extra_descriptors)):
            if len(extra) >= 7 and extra[1] == FUNCTIONAL_DESCRIPTOR:
                self.transfer_size = extra[5] | extra[6] << 8
                break
        text = self._usb("read memory layout", usb.util.get_string, dev, intf.iInterface)
        if not text or not text.startswith("@"):
            raise MpforgeError(
                f"USB {self.usb_id}: DFU interface has no DfuSe memory layout ({text!r}); "
                "is it an STM32 system bootloader?"
            )
        self.layout_name, self.segments = parse_layout(text)
        status, state, _ = self.get_status()
        if state == STATE["dfuERROR"]:
            self.clear_status()
        elif state not in (STATE["dfuIDLE"], STATE["dfuDNLOAD-IDLE"], STATE["dfuUPLOAD-IDLE"]):
            self.abort()
        self.abort()

    def close(self) -> None:
        import usb.util

        try:
            usb.util.dispose_resources(self.dev)
        except Exception:  # a device that reset itself has nothing left to free
            pass

    # -- the class requests
    def get_status(self) -> tuple[int, int, int]:
        """(bStatus, bState, poll timeout in ms)."""
        raw = self._usb(
            "GETSTATUS",
            self.dev.ctrl_transfer,
            REQ_IN,
            DFU_GETSTATUS,
            0,
            self.interface,
            6,
            self.timeout_ms,
        )
        if len(raw) != 6:
            raise DeviceGone(f"USB {self.usb_id}: GETSTATUS answered {len(raw)} bytes, not 6")
        return raw[0], raw[4], raw[1] | raw[2] << 8 | raw[3] << 16

    def clear_status(self) -> None:
        self._usb(
            "CLRSTATUS",
            self.dev.ctrl_transfer,
            REQ_OUT,
            DFU_CLRSTATUS,
            0,
            self.interface,
            None,
            self.timeout_ms,
        )

    def abort(self) -> None:
        self._usb(
            "ABORT",
            self.dev.ctrl_transfer,
            REQ_OUT,
            DFU_ABORT,
            0,
            self.interface,
            None,
            self.timeout_ms,
        )

    def _dnload(self, block: int, data: bytes, what: str) -> None:
        self._usb(
            what,
            self.dev.ctrl_transfer,
            REQ_OUT,
            DFU_DNLOAD,
            block,
            self.interface,
            data,
            self.timeout_ms,
        )

    def _wait_idle(self, what: str) -> None:
        """Poll GETSTATUS until the device has done the last DNLOAD (dfuDNLOAD-IDLE)."""
        deadline = time.monotonic() + max(self.timeout_ms / 1000, 10.0)
        while True:
            status, state, poll_ms = self.get_status()
            if status != 0:
                self.clear_status()
                raise MpforgeError(
                    f"USB {self.usb_id}: {what} failed: {STATUSES.get(status, hex(status))}"
                )
            if state == STATE["dfuDNLOAD-IDLE"]:
                return
            if state != STATE["dfuDNBUSY"] and state != STATE["dfuDNLOAD-SYNC"]:
                raise MpforgeError(
                    f"USB {self.usb_id}: {what}: device went to {STATES.get(state, state)}"
                )
            if time.monotonic() > deadline:
                raise DeviceGone(f"USB {self.usb_id}: {what} did not finish")
            time.sleep(poll_ms / 1000)

    def set_address(self, address: int) -> None:
        self._dnload(
            0,
            bytes([DFUSE_SET_ADDRESS]) + address.to_bytes(4, "little"),
            f"set address {address:#010x}",
        )
        self._wait_idle(f"set address {address:#010x}")

    def erase_page(self, address: int) -> None:
        self._dnload(
            0, bytes([DFUSE_ERASE]) + address.to_bytes(4, "little"), f"erase {address:#010x}"
        )
        self._wait_idle(f"erase of the page at {address:#010x}")

    def write(self, address: int, data: bytes, progress: Callable[[int], None]) -> None:
        """Blocks of wTransferSize from `address` (set once, blocks numbered from 2)."""
        self.set_address(address)
        size = self.transfer_size
        for n, pos in enumerate(range(0, len(data), size)):
            block = data[pos : pos + size]
            where = f"write at {address + pos:#010x}"
            self._dnload(2 + n, block, where)
            self._wait_idle(where)
            progress(pos + len(block))

    def read(self, address: int, length: int, progress: Callable[[int], None]) -> bytes:
        self.set_address(address)
        self.abort()  # UPLOAD is only taken from dfuIDLE
        out = bytearray()
        size = self.transfer_size
        n = 0
        while len(out) < length:
            want = min(size, length - len(out))
            chunk = self._usb(
                f"read at {address + len(out):#010x}",
                self.dev.ctrl_transfer,
                REQ_IN,
                DFU_UPLOAD,
                2 + n,
                self.interface,
                size,
                self.timeout_ms,
            )
            if len(chunk) == 0:
                raise MpforgeError(f"USB {self.usb_id}: read back ended at {len(out)} bytes")
            out += bytes(chunk)[:want]
            n += 1
            progress(len(out))
        self.abort()
        return bytes(out)

    def leave(self, address: int) -> None:
        """Start the firmware at `address`; the device resets and leaves the bus."""
        self.set_address(address)
        self._dnload(0, b"", "leave DFU mode")
        try:
            self.get_status()  # this triggers the manifestation (and the reset)
        except DeviceGone:
            pass  # gone is what a device that reset itself looks like
