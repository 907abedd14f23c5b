"""DfuSe files (ST's DFU file format, UM0391): a writer and a reader that mirror each other.

    prefix    "DfuSe", version 1, image size (file without suffix), number of targets
    target    "Target", alternate setting, named flag, 255-byte name, size, element count
    element   address, size, data
    suffix    bcdDevice, idProduct, idVendor, bcdDFU 0x011a, "UFD", length 16, CRC
The CRC is dfu-util's: CRC-32 register seeded with all ones and not inverted at the end,
over every byte before it, which is zlib's crc32 with its final inversion undone.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

from ..errors import MpforgeError

_PREFIX = struct.Struct("<5sBIB")
_TARGET = struct.Struct("<6sBI255sII")
_ELEMENT = struct.Struct("<II")
_SUFFIX = struct.Struct("<HHHH3sB")
BCD_DFUSE = 0x011A
SUFFIX_LEN = _SUFFIX.size + 4


@dataclass
class DfuSeTarget:
    alt: int = 0
    name: str = "ST..."
    elements: list[tuple[int, bytes]] = field(default_factory=list)


@dataclass
class DfuSeFile:
    vid: int
    pid: int
    targets: list[DfuSeTarget]
    device: int = 0xFFFF


def _crc(data: bytes) -> int:
    return zlib.crc32(data) ^ 0xFFFFFFFF


def write_dfuse(image: DfuSeFile) -> bytes:
    body = bytearray()
    for target in image.targets:
        elements = b"".join(_ELEMENT.pack(addr, len(data)) + data for addr, data in target.elements)
        name = target.name.encode("ascii")
        body += _TARGET.pack(
            b"Target", target.alt, 1 if name else 0, name, len(elements), len(target.elements)
        )
        body += elements
    out = bytearray(_PREFIX.pack(b"DfuSe", 1, _PREFIX.size + len(body), len(image.targets)))
    out += body
    out += _SUFFIX.pack(image.device, image.pid, image.vid, BCD_DFUSE, b"UFD", SUFFIX_LEN)
    out += struct.pack("<I", _crc(bytes(out)))
    return bytes(out)


def read_dfuse(data: bytes, source: str = "<dfu>") -> DfuSeFile:
    """Parse a DfuSe file; anything malformed raises MpforgeError naming `source`."""

    def bad(what: str) -> MpforgeError:
        return MpforgeError(f"{source}: not a valid DfuSe file: {what}")

    if len(data) < _PREFIX.size + SUFFIX_LEN:
        raise bad("too short")
    device, pid, vid, bcd, sig, length = _SUFFIX.unpack_from(data, len(data) - SUFFIX_LEN)
    (crc,) = struct.unpack_from("<I", data, len(data) - 4)
    if sig != b"UFD" or length != SUFFIX_LEN:
        raise bad("no DFU suffix")
    if crc != _crc(data[:-4]):
        raise bad("CRC mismatch")
    if bcd != BCD_DFUSE:
        raise bad(f"bcdDFU is {bcd:#06x}, DfuSe uses {BCD_DFUSE:#06x}")
    magic, version, size, n_targets = _PREFIX.unpack_from(data, 0)
    if magic != b"DfuSe" or version != 1:
        raise bad("no DfuSe prefix")
    if size != len(data) - SUFFIX_LEN:
        raise bad(f"prefix says {size} bytes, file has {len(data) - SUFFIX_LEN}")
    pos = _PREFIX.size
    targets = []
    for _ in range(n_targets):
        if pos + _TARGET.size > size:
            raise bad("target prefix runs past the image")
        sig, alt, named, name, t_size, n_el = _TARGET.unpack_from(data, pos)
        if sig != b"Target":
            raise bad(f"no target signature at offset {pos}")
        pos += _TARGET.size
        end = pos + t_size
        target = DfuSeTarget(
            alt=alt, name=name.rstrip(b"\0").decode("ascii", "replace") if named else ""
        )
        for _ in range(n_el):
            addr, el_size = _ELEMENT.unpack_from(data, pos)
            pos += _ELEMENT.size
            if pos + el_size > end:
                raise bad("element runs past its target")
            target.elements.append((addr, bytes(data[pos : pos + el_size])))
            pos += el_size
        if pos != end:
            raise bad("target size does not match its elements")
        targets.append(target)
    return DfuSeFile(vid=vid, pid=pid, targets=targets, device=device)


def firmware_dfu(binary: bytes, address: int, usb_id: str) -> bytes:
    """One-element DfuSe image of `binary` at `address`, for the device `usb_id` (VID:PID)."""
    parts = usb_id.split(":")
    try:
        vid, pid = (int(part, 16) for part in parts)
    except ValueError:
        raise MpforgeError(f"USB id {usb_id!r}: expected VID:PID in hex, e.g. 0483:df11") from None
    if not (0 <= vid <= 0xFFFF and 0 <= pid <= 0xFFFF):
        raise MpforgeError(f"USB id {usb_id!r}: VID and PID are 16-bit numbers")
    return write_dfuse(
        DfuSeFile(vid=vid, pid=pid, targets=[DfuSeTarget(elements=[(address, binary)])])
    )
