"""A simulated ESP8266 ROM loader (and esptool's flasher stub) on a local TCP socket.

The real esptool talks to it through pyserial's `socket://127.0.0.1:PORT` URL. It speaks
the serial protocol: SLIP framing (0xC0 ends, 0xDB escapes), requests `<BBHI`
(0, command, length, checksum) + data, responses `<BBHI` (1, command, length, value) +
data + two status bytes. It answers SYNC, READ_REG (the chip magic at 0x40001000, and
the SPI controller's registers, whose USR command runs RDID), WRITE_REG, MEM_BEGIN/DATA/
END (the stub upload; MEM_END with an entry point starts the "stub", which says OHAI),
SPI_SET_PARAMS, SPI_ATTACH, CHANGE_BAUDRATE, FLASH_BEGIN/DATA/END, FLASH_DEFL_BEGIN/
DATA/END (zlib streams), SPI_FLASH_MD5. Data packets carry esptool's XOR checksum
(seed 0xEF), checked like the ROM does.
Faults: `disconnect_after_blocks`, `noise_in_block` (a byte flipped on the wire: the
checksum fails), `bad_flash_at` (flash that does not keep a bit), `magic` (another chip).
"""

from __future__ import annotations

import hashlib
import socket
import struct
import threading
import zlib
from dataclasses import dataclass, field

ESP8266_MAGIC = 0xFFF0C101
ESP32_MAGIC = 0x00F01D83
CHIP_DETECT_MAGIC_REG = 0x40001000
SPI_BASE = 0x60000200
SPI_CMD, SPI_USR2, SPI_W0 = SPI_BASE, SPI_BASE + 0x24, SPI_BASE + 0x40
SPI_CMD_USR = 1 << 18
FLASH_ID = 0x1640EF  # Winbond, 4 MB

SYNC, READ_REG, WRITE_REG = 0x08, 0x0A, 0x09
MEM_BEGIN, MEM_END, MEM_DATA = 0x05, 0x06, 0x07
FLASH_BEGIN, FLASH_DATA, FLASH_END = 0x02, 0x03, 0x04
DEFL_BEGIN, DEFL_DATA, DEFL_END, FLASH_MD5 = 0x10, 0x11, 0x12, 0x13
SIMPLE_OK = {0x0B, 0x0D, 0x0F}  # SPI_SET_PARAMS, SPI_ATTACH, CHANGE_BAUDRATE
ERR_INVALID, ERR_CHECKSUM = 0x05, 0x07


def slip(packet: bytes) -> bytes:
    return b"\xc0" + packet.replace(b"\xdb", b"\xdb\xdd").replace(b"\xc0", b"\xdb\xdc") + b"\xc0"


def checksum(data: bytes) -> int:
    state = 0xEF
    for b in data:
        state ^= b
    return state


@dataclass
class EspRomSim:
    magic: int = ESP8266_MAGIC
    flash_size: int = 4 * 1024 * 1024
    disconnect_after_blocks: int | None = None
    noise_in_block: int | None = None
    bad_flash_at: int | None = None
    # what happened
    stub_running: bool = False
    blocks: int = 0
    commands: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.flash = bytearray(b"\xff" * self.flash_size)
        self.regs: dict[int, int] = {CHIP_DETECT_MAGIC_REG: self.magic}
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"socket://127.0.0.1:{self.port}"
        self._write_pos = 0
        self._inflate: zlib._Decompress | None = None
        self._conn: socket.socket | None = None
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.listener.close()
        if self._conn is not None:
            self._conn.close()

    def read(self, address: int, length: int) -> bytes:
        return bytes(self.flash[address : address + length])

    # -- the wire
    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self._conn = conn
            try:
                self._session(conn)
            except OSError:
                pass
            finally:
                conn.close()

    def _frames(self, conn: socket.socket):  # noqa: ANN202
        buf, inside, escape = bytearray(), False, False
        while data := conn.recv(65536):
            for b in data:
                if b == 0xC0:
                    if inside and buf:
                        yield bytes(buf)
                    buf, inside = bytearray(), True
                elif not inside:
                    continue
                elif escape:
                    buf.append({0xDC: 0xC0, 0xDD: 0xDB}[b])
                    escape = False
                elif b == 0xDB:
                    escape = True
                else:
                    buf.append(b)

    def _reply(
        self,
        conn: socket.socket,
        op: int,
        value: int = 0,
        data: bytes = b"",
        status: tuple[int, int] = (0, 0),
    ) -> None:
        body = data + bytes(status)
        conn.sendall(slip(struct.pack("<BBHI", 1, op, len(body), value) + body))

    def _session(self, conn: socket.socket) -> None:
        for frame in self._frames(conn):
            if len(frame) < 8 or frame[0] != 0:
                continue
            _, op, size, chk = struct.unpack_from("<BBHI", frame)
            data = frame[8 : 8 + size]
            self.commands.append(op)
            if op in (FLASH_DATA, DEFL_DATA) and self.disconnect_after_blocks is not None:
                if self.blocks >= self.disconnect_after_blocks:
                    self.listener.close()  # unplugged: no reconnecting either
                    return
            if not self._handle(conn, op, data, chk):
                return

    def _handle(self, conn: socket.socket, op: int, data: bytes, chk: int) -> bool:
        value = 0 if self.stub_running else 0x20120707
        if op == SYNC:
            for _ in range(1 if self.stub_running else 8):
                self._reply(conn, op, value)
        elif op == READ_REG:
            (addr,) = struct.unpack_from("<I", data)
            self._reply(conn, op, self.regs.get(addr, 0))
        elif op == WRITE_REG:
            addr, val, mask, _ = struct.unpack_from("<IIII", data)
            self.regs[addr] = (self.regs.get(addr, 0) & ~mask) | (val & mask)
            if addr == SPI_CMD and val & SPI_CMD_USR:
                if self.regs.get(SPI_USR2, 0) & 0xFF == 0x9F:  # RDID
                    self.regs[SPI_W0] = FLASH_ID
                self.regs[SPI_CMD] = 0  # the SPI controller is done at once
            self._reply(conn, op)
        elif op in (MEM_BEGIN, FLASH_BEGIN, DEFL_BEGIN):
            size, _, _, offset = struct.unpack_from("<IIII", data)
            if op != MEM_BEGIN:
                self._write_pos = offset
                self._inflate = zlib.decompressobj() if op == DEFL_BEGIN else None
                if op == FLASH_BEGIN:  # the ROM erases the whole region first
                    self.flash[offset : offset + size] = b"\xff" * size
            self._reply(conn, op, value)
        elif op in (MEM_DATA, FLASH_DATA, DEFL_DATA):
            payload = bytearray(data[16:])
            if op != MEM_DATA and self.noise_in_block == self.blocks:
                payload[len(payload) // 2] ^= 0x01
            if checksum(bytes(payload)) != chk:
                self._reply(conn, op, value, status=(1, ERR_CHECKSUM))
                return True
            if op == DEFL_DATA:
                assert self._inflate is not None
                self._program(self._inflate.decompress(bytes(payload)))
            elif op == FLASH_DATA:
                self._program(bytes(payload))
            if op != MEM_DATA:
                self.blocks += 1
            self._reply(conn, op, value)
        elif op == MEM_END:
            flag, entry = struct.unpack_from("<II", data)
            self._reply(conn, op, value)
            if flag == 0 and entry:
                self.stub_running = True
                conn.sendall(slip(b"OHAI"))
        elif op in (FLASH_END, DEFL_END) or op in SIMPLE_OK:
            self._reply(conn, op, value)
        elif op == FLASH_MD5 and self.stub_running:
            addr, size, _, _ = struct.unpack_from("<IIII", data)
            self._reply(conn, op, 0, hashlib.md5(self.flash[addr : addr + size]).digest())
        else:
            self._reply(conn, op, value, status=(1, ERR_INVALID))
        return True

    def _program(self, chunk: bytes) -> None:
        pos = self._write_pos
        for i, b in enumerate(chunk):
            self.flash[pos + i] &= b  # flash bits only go from 1 to 0 without an erase
        if self.bad_flash_at is not None and pos <= self.bad_flash_at < pos + len(chunk):
            self.flash[self.bad_flash_at] ^= 0x04
        self._write_pos += len(chunk)
