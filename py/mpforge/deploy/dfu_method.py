"""`deploy: {method: dfu}`: firmware.dfu into the STM32 system bootloader over USB."""

from __future__ import annotations

from typing import ClassVar

from ..errors import MpforgeError
from .base import DeployMethod, DeployResult, register
from .dfu import firmware_dfu, read_dfuse
from .dfuse_usb import DfuSeDevice, pages_to_erase


@register
class DfuMethod(DeployMethod):
    name = "dfu"
    firmware_file = "firmware.dfu"
    bootloader_hint: ClassVar[str] = (
        "put the board in DFU mode: connect BOOT0 to 3V3 (the DFU jumper) or hold BOOT0 "
        "while pressing RESET, then plug in USB"
    )

    def deploy(self) -> DeployResult:
        self.check_built_for_board()
        raw = self.read_firmware()
        if self.firmware.suffix == ".bin":
            # a raw image goes where the board's flash starts, as the build's .dfu does
            raw = firmware_dfu(
                raw,
                self.board.get("memory.flash.origin", 0x08000000),
                self.board.get("deploy.usb_id") or "0483:df11",
            )
        image = read_dfuse(raw, str(self.firmware))
        file_id = f"{image.vid:04x}:{image.pid:04x}"
        usb_id = self.board.get("deploy.usb_id") or file_id
        if file_id != usb_id:
            raise MpforgeError(
                f"{self.firmware} is for USB device {file_id}, board {self.board.name} "
                f"boots into {usb_id}: firmware for another board"
            )
        elements = [el for target in image.targets for el in target.elements]
        total = sum(len(data) for _, data in elements)
        result = DeployResult(self.name, f"USB {usb_id}", nbytes=total)
        start = elements[0][0] if elements else 0
        s = self.session
        if s.dry_run:
            s.do(f"look for USB device {usb_id} (STM32 DFU bootloader)", lambda: None)
            for address, data in elements:
                s.do(
                    f"erase the pages under {address:#010x}..{address + len(data) - 1:#010x}",
                    lambda: None,
                )
                s.do(f"write {len(data)} bytes at {address:#010x}", lambda: None)
                if self.options.verify:
                    s.do(
                        f"read back {len(data)} bytes at {address:#010x} and compare", lambda: None
                    )
            s.do(f"leave DFU mode, starting the firmware at {start:#010x}", lambda: None)
            result.dry_run = True
            return result

        vid, pid = (int(x, 16) for x in usb_id.split(":"))
        found = DfuSeDevice.find(vid, pid, self.options.extra.get("usb_backend"))
        if not found:
            raise MpforgeError(
                f"no DFU device found: looked for USB {usb_id} (STM32 DFU bootloader); "
                + self.bootloader_hint
            )
        if len(found) > 1:
            raise MpforgeError(
                f"{len(found)} USB devices {usb_id} found: leave only the board to flash plugged in"
            )
        device = DfuSeDevice(found[0])
        with self.timed() as timer:
            try:
                s.do(f"open USB {usb_id}", device.open)
                s.say(
                    f"device memory: {device.layout_name}, transfer size "
                    f"{device.transfer_size} bytes"
                )
                for address, data in elements:
                    pages = pages_to_erase(device.segments, address, len(data))
                    with s.progress(f"erase {len(pages)} pages", len(pages)) as bar:
                        for n, page in enumerate(pages):
                            device.erase_page(page)
                            bar.update(n + 1)
                    with s.progress(f"write {address:#010x}", len(data)) as bar:
                        device.write(address, data, bar.update)
                    if self.options.verify:
                        with s.progress(f"verify {address:#010x}", len(data)) as bar:
                            back = device.read(address, len(data), bar.update)
                        if back != data:
                            at = next(
                                i for i, (a, b) in enumerate(zip(back, data, strict=True)) if a != b
                            )
                            raise MpforgeError(
                                f"verification failed: flash at {address + at:#010x} reads "
                                f"{back[at]:#04x}, firmware has {data[at]:#04x}; the board "
                                "stays in DFU mode, deploy again"
                            )
                s.do(f"leave DFU mode, starting the firmware at {start:#010x}", device.leave, start)
            finally:
                device.close()
        result.seconds = timer.seconds
        if self.options.verify:
            result.verified = True
            result.verify_note = "read back matches"
        else:
            result.verify_note = "--no-verify"
        return result
