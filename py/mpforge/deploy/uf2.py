"""UF2 files (Microsoft's USB flashing format, as the RP2040's boot ROM reads them) and
the RP2040's second-stage boot checksum.

A UF2 file is 512-byte blocks, each carrying up to 476 bytes (the RP2040 takes 256)
for one flash address, with magic numbers at both ends, the block's number and the
total, and a family id so a drive refuses firmware for another chip.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from ..errors import MpforgeError

MAGIC_START0 = 0x0A324655  # "UF2\n"
MAGIC_START1 = 0x9E5D5157
MAGIC_END = 0x0AB16F30
FLAG_FAMILY_ID_PRESENT = 0x00002000
BLOCK_SIZE = 512
PAYLOAD_SIZE = 256
_HEADER = struct.Struct("<8I")

# family ids from the UF2 specification's families list
FAMILIES = {"RP2040": 0xE48BFF56}

RP2040_BOOT2_SIZE = 256


@dataclass(frozen=True)
class Block:
    address: int
    data: bytes
    number: int
    total: int
    family: int
    flags: int


def write_uf2(binary: bytes, address: int, family: int) -> bytes:
    """`binary` (to be flashed at `address`) as UF2 blocks of 256 bytes each."""
    chunks = [binary[i : i + PAYLOAD_SIZE] for i in range(0, len(binary), PAYLOAD_SIZE)]
    out = bytearray()
    for number, chunk in enumerate(chunks):
        header = _HEADER.pack(
            MAGIC_START0,
            MAGIC_START1,
            FLAG_FAMILY_ID_PRESENT,
            address + number * PAYLOAD_SIZE,
            PAYLOAD_SIZE,
            number,
            len(chunks),
            family,
        )
        data = chunk.ljust(476, b"\0")
        out += header + data + struct.pack("<I", MAGIC_END)
    return bytes(out)


def read_uf2(data: bytes, name: str = "firmware.uf2") -> list[Block]:
    """Parse a UF2 file; MpforgeError for anything that is not one."""
    if not data or len(data) % BLOCK_SIZE:
        raise MpforgeError(f"{name}: not a UF2 file (size {len(data)} is not a multiple of 512)")
    blocks = []
    for offset in range(0, len(data), BLOCK_SIZE):
        raw = data[offset : offset + BLOCK_SIZE]
        m0, m1, flags, addr, size, number, total, family = _HEADER.unpack_from(raw)
        (end,) = struct.unpack_from("<I", raw, BLOCK_SIZE - 4)
        if (m0, m1, end) != (MAGIC_START0, MAGIC_START1, MAGIC_END) or size > 476:
            raise MpforgeError(f"{name}: block {offset // BLOCK_SIZE}: bad UF2 magic or size")
        blocks.append(Block(addr, raw[32 : 32 + size], number, total, family, flags))
    return blocks


def crc32_mpeg2(data: bytes) -> int:
    """CRC-32 as the RP2040 boot ROM checks boot2: polynomial 0x04C11DB7, MSB first,
    initial value 0xFFFFFFFF, no final inversion."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
            crc &= 0xFFFFFFFF
    return crc


def seal_boot2(code: bytes) -> bytes:
    """The 256 bytes the boot ROM loads: `code` padded to 252 bytes, then its CRC."""
    room = RP2040_BOOT2_SIZE - 4
    if len(code) > room:
        raise MpforgeError(f"boot2 is {len(code)} bytes; the RP2040 boot ROM loads {room}")
    body = code.ljust(room, b"\0")
    return body + struct.pack("<I", crc32_mpeg2(body))
