"""A simulated STM32 DfuSe bootloader behind a pyusb backend.

`FakeUsbBackend` implements pyusb's IBackend for one or more `DfuSeSim` devices, so
`usb.core.find(backend=...)`, configuration, interface claiming, string descriptors
and control transfers all go through pyusb's own code. The device keeps its flash as
bytes and runs the DFU 1.1 state machine with ST's DfuSe commands: DNLOAD is acted on
at the next GETSTATUS (dfuDNBUSY with a poll timeout, then dfuDNLOAD-IDLE), UPLOAD is
taken only from dfuIDLE/dfuUPLOAD-IDLE, a zero-length DNLOAD leaves DFU mode.
Faults: `disconnect_after_blocks` (the device vanishes), `bad_bit_at` (a flash cell
that does not keep what was written).
"""

from __future__ import annotations

import array
import errno
from dataclasses import dataclass, field

import usb.backend
import usb.core
from mpforge.deploy.dfuse_usb import parse_layout

F405_LAYOUT = "@Internal Flash  /0x08000000/04*016Kg,01*064Kg,07*128Kg"
F091_LAYOUT = "@Internal Flash  /0x08000000/128*002Kg"
IDLE, DNLOAD_SYNC, DNBUSY, DNLOAD_IDLE, MANIFEST, UPLOAD_IDLE, ERROR = 2, 3, 4, 5, 7, 9, 10
ERR_TARGET, ERR_WRITE, ERR_ADDRESS, ERR_STALLED = 0x01, 0x03, 0x08, 0x0F


class _Desc:
    def __init__(self, **fields: object) -> None:
        self.__dict__.update(fields)


@dataclass
class DfuSeSim:
    vid: int = 0x0483
    pid: int = 0xDF11
    layout: str = F405_LAYOUT
    transfer_size: int = 2048
    disconnect_after_blocks: int | None = None
    bad_bit_at: int | None = None
    # what happened, for the tests to assert on
    erased: list[int] = field(default_factory=list)
    blocks_written: int = 0
    left_at: int | None = None
    gone: bool = False

    def __post_init__(self) -> None:
        _, self.segments = parse_layout(self.layout)
        self.base = self.segments[0].address
        self.flash = bytearray(b"\xff" * (self.segments[-1].end - self.base))
        self.state, self.status = IDLE, 0
        self.pointer = self.base
        self.pending: tuple[int, bytes] | None = None
        self.strings = {1: "STMicroelectronics", 2: "STM32 BOOTLOADER", 4: self.layout}

    # -- descriptors
    def device_descriptor(self) -> _Desc:
        return _Desc(
            bLength=18,
            bDescriptorType=1,
            bcdUSB=0x0200,
            bDeviceClass=0,
            bDeviceSubClass=0,
            bDeviceProtocol=0,
            bMaxPacketSize0=64,
            idVendor=self.vid,
            idProduct=self.pid,
            bcdDevice=0x2200,
            iManufacturer=1,
            iProduct=2,
            iSerialNumber=0,
            bNumConfigurations=1,
            address=7,
            bus=1,
            port_number=1,
            port_numbers=(1,),
            speed=2,
        )

    def config_descriptor(self) -> _Desc:
        return _Desc(
            bLength=9,
            bDescriptorType=2,
            wTotalLength=36,
            bNumInterfaces=1,
            bConfigurationValue=1,
            iConfiguration=0,
            bmAttributes=0xC0,
            bMaxPower=50,
            extra_descriptors=[],
        )

    def interface_descriptor(self) -> _Desc:
        ts = self.transfer_size
        functional = [9, 0x21, 0x0B, 0xFF, 0x00, ts & 0xFF, ts >> 8, 0x1A, 0x01]
        return _Desc(
            bLength=9,
            bDescriptorType=4,
            bInterfaceNumber=0,
            bAlternateSetting=0,
            bNumEndpoints=0,
            bInterfaceClass=0xFE,
            bInterfaceSubClass=1,
            bInterfaceProtocol=2,
            iInterface=4,
            extra_descriptors=functional,
        )

    # -- the bootloader
    def _check_alive(self) -> None:
        if self.gone:
            raise usb.core.USBError("No such device", errno.ENODEV)

    def _fail(self, status: int) -> None:
        self.status, self.state = status, ERROR

    def _writable(self, address: int, length: int) -> bool:
        return self.base <= address and address + length <= self.base + len(self.flash)

    def _execute(self, block: int, data: bytes) -> None:
        if block == 0:
            if data[:1] == b"\x21" and len(data) == 5:
                self.pointer = int.from_bytes(data[1:5], "little")
            elif data[:1] == b"\x41" and len(data) == 5:
                page = int.from_bytes(data[1:5], "little")
                seg = next((s for s in self.segments if s.address <= page < s.end), None)
                if seg is None or (page - seg.address) % seg.page_size:
                    return self._fail(ERR_ADDRESS)
                off = page - self.base
                self.flash[off : off + seg.page_size] = b"\xff" * seg.page_size
                self.erased.append(page)
            else:
                return self._fail(ERR_STALLED)
            return None
        address = self.pointer + (block - 2) * self.transfer_size
        if not self._writable(address, len(data)):
            return self._fail(ERR_ADDRESS)
        off = address - self.base
        # flash cells only go from 1 to 0: writing over unerased flash keeps the zeros
        for i, byte in enumerate(data):
            self.flash[off + i] &= byte
        if self.bad_bit_at is not None and address <= self.bad_bit_at < address + len(data):
            self.flash[self.bad_bit_at - self.base] ^= 0x10
        self.blocks_written += 1
        return None

    def control(
        self, request_type: int, request: int, value: int, index: int, data: array.array
    ) -> int | bytes:
        self._check_alive()
        if request_type == 0x80 and request == 6:  # GET_DESCRIPTOR (strings only)
            kind, n = value >> 8, value & 0xFF
            if kind != 3:
                raise usb.core.USBError("Pipe error", errno.EPIPE)
            body = b"\x09\x04" if n == 0 else self.strings[n].encode("utf-16-le")
            return bytes([len(body) + 2, 3]) + body
        if request_type == 0x21 and request == 1:  # DNLOAD
            if self.state not in (IDLE, DNLOAD_IDLE):
                self._fail(ERR_STALLED)
                raise usb.core.USBError("Pipe error", errno.EPIPE)
            if (
                self.disconnect_after_blocks is not None
                and value >= 2
                and self.blocks_written >= self.disconnect_after_blocks
            ):
                self.gone = True
                self._check_alive()
            self.pending = (value, bytes(data))
            self.state = DNLOAD_SYNC if len(data) else MANIFEST
            return len(data)
        if request_type == 0xA1 and request == 3:  # GETSTATUS
            poll = 0
            if self.state == DNLOAD_SYNC:
                assert self.pending is not None
                self._execute(*self.pending)
                if self.state != ERROR:
                    self.state, poll = DNBUSY, 2
            elif self.state == DNBUSY:
                self.state = DNLOAD_IDLE
            elif self.state == MANIFEST:
                # leaving DFU mode: the chip resets into the firmware and drops off the bus
                self.left_at = self.pointer
                self.gone = True
                return bytes([self.status, poll, 0, 0, MANIFEST, 0])
            return bytes([self.status, poll & 0xFF, 0, 0, self.state, 0])
        if request_type == 0x21 and request == 4:  # CLRSTATUS
            self.state, self.status = IDLE, 0
            return 0
        if request_type == 0x21 and request == 6:  # ABORT
            self.state = IDLE
            return 0
        if request_type == 0xA1 and request == 5:  # GETSTATE
            return bytes([self.state])
        if request_type == 0xA1 and request == 2:  # UPLOAD
            if self.state not in (IDLE, UPLOAD_IDLE) or value < 2:
                self._fail(ERR_STALLED)
                raise usb.core.USBError("Pipe error", errno.EPIPE)
            address = self.pointer + (value - 2) * self.transfer_size
            off = address - self.base
            self.state = UPLOAD_IDLE
            return bytes(self.flash[off : off + len(data)])
        raise usb.core.USBError("Pipe error", errno.EPIPE)

    def read(self, address: int, length: int) -> bytes:
        return bytes(self.flash[address - self.base : address - self.base + length])


class FakeUsbBackend(usb.backend.IBackend):
    """pyusb's backend interface over simulated devices (no libusb involved)."""

    def __init__(self, *devices: DfuSeSim) -> None:
        self.devices = list(devices)
        self.configuration: dict[int, int] = {}

    def enumerate_devices(self):  # noqa: ANN201  (pyusb's interface)
        return [d for d in self.devices if not d.gone]

    def get_device_descriptor(self, dev: DfuSeSim) -> _Desc:
        return dev.device_descriptor()

    def get_configuration_descriptor(self, dev: DfuSeSim, config: int) -> _Desc:
        return dev.config_descriptor()

    def get_interface_descriptor(self, dev: DfuSeSim, intf: int, alt: int, config: int) -> _Desc:
        return dev.interface_descriptor()

    def get_endpoint_descriptor(self, dev, ep, intf, alt, config):  # noqa: ANN001, ANN201
        raise IndexError(ep)

    def open_device(self, dev: DfuSeSim) -> DfuSeSim:
        dev._check_alive()
        return dev

    def close_device(self, dev_handle: DfuSeSim) -> None:
        pass

    def set_configuration(self, dev_handle: DfuSeSim, config_value: int) -> None:
        dev_handle._check_alive()
        self.configuration[id(dev_handle)] = config_value

    def get_configuration(self, dev_handle: DfuSeSim) -> int:
        return self.configuration.get(id(dev_handle), 1)

    def set_interface_altsetting(self, dev_handle: DfuSeSim, intf: int, alt: int) -> None:
        pass

    def claim_interface(self, dev_handle: DfuSeSim, intf: int) -> None:
        dev_handle._check_alive()

    def release_interface(self, dev_handle: DfuSeSim, intf: int) -> None:
        pass

    def ctrl_transfer(
        self,
        dev_handle: DfuSeSim,
        bmRequestType: int,
        bRequest: int,  # noqa: N803
        wValue: int,
        wIndex: int,
        data: array.array,
        timeout: int,
    ) -> int:  # noqa: N803
        answer = dev_handle.control(bmRequestType, bRequest, wValue, wIndex, data)
        if isinstance(answer, bytes):  # IN: fill the caller's buffer
            n = min(len(answer), len(data))
            data[:n] = array.array("B", answer[:n])
            return n
        return answer
