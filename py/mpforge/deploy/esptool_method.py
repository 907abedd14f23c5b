"""`deploy: {method: esptool}`: the ESP images written through esptool's Python API.

The images are the build's `firmware-0xOFFSET.bin` files, each flashed at the offset its
name carries. esptool connects to the ROM loader, uploads its flasher stub (which
takes compressed data and answers SPI_FLASH_MD5), writes each image and compares the
flash's MD5 with the image's.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

from ..errors import MpforgeError
from .base import DeployMethod, DeployResult, Session, register

_IMAGE_RE = re.compile(r"^firmware-0x([0-9a-fA-F]+)\.bin$")
ESP_IMAGE_MAGIC = 0xE9


def find_serial_port(usb_ids: list[str]) -> tuple[str | None, list[str]]:
    """The one serial port whose USB VID:PID is in `usb_ids`; also every port seen."""
    from serial.tools import list_ports

    seen = []
    matches = []
    for info in list_ports.comports():
        ident = f"{info.vid:04x}:{info.pid:04x}" if info.vid is not None else "no USB id"
        seen.append(f"{info.device} ({ident})")
        if ident in usb_ids:
            matches.append(info.device)
    if len(matches) > 1:
        raise MpforgeError(
            f"several serial ports match {', '.join(usb_ids)}: {', '.join(matches)}; "
            "choose one with --port"
        )
    return (matches[0] if matches else None), seen


class _EsptoolLog:
    """esptool's logger interface: progress goes to our bar, messages to our session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.bar: Any = None
        self.lines: list[str] = []

    def print(self, *args: Any, **kwargs: Any) -> None:
        text = " ".join(str(a) for a in args).strip()
        if text:
            self.lines.append(text)

    def note(self, message: str) -> None:
        self.lines.append(f"note: {message}")

    def warning(self, message: str) -> None:
        self.lines.append(f"warning: {message}")

    def error(self, message: str) -> None:
        self.lines.append(f"error: {message}")

    def stage(self, finish: bool = False) -> None:
        pass

    def set_verbosity(self, verbosity: str) -> None:
        pass

    def progress_bar(
        self,
        cur_iter: int,
        total_iters: int,
        prefix: str = "",
        suffix: str = "",
        bar_length: int = 30,
    ) -> None:
        if self.bar is None:
            self.bar = self.session.progress("write", total_iters)
        self.bar.total = total_iters
        self.bar.update(cur_iter)
        if cur_iter >= total_iters:
            self.bar.close()
            self.bar = None


def _install_logger(session: Session) -> tuple[Any, Any]:
    """esptool keeps its logger in one global: swap ours in for the call, return the old."""
    from esp_pylib.logger import EspLog
    from esptool.logger import TemplateLogger, log

    class Adapter(_EsptoolLog, TemplateLogger):
        pass

    ours = Adapter(session)
    old = EspLog.instance
    log.set_logger(ours)
    return ours, old


@register
class EsptoolMethod(DeployMethod):
    name = "esptool"
    firmware_file = "firmware-0x00000.bin"
    bootloader_hint: ClassVar[str] = (
        "connect the board's USB serial and put the chip in its ROM loader: hold BOOT "
        "(GPIO0 low) while pressing RESET, or give the port with --port"
    )
    # USB serial bridges on ESP8266 boards, for boards whose YAML names no usb_id
    USB_BRIDGES: ClassVar[dict[str, str]] = {
        "10c4:ea60": "Silicon Labs CP210x",
        "1a86:7523": "WCH CH340",
        "0403:6001": "FTDI FT232R",
        "0403:6015": "FTDI FT231X",
    }
    # the chip esptool reports for each MCU a board names
    CHIPS: ClassVar[dict[str, str]] = {"ESP8266EX": "ESP8266"}
    ROM_BAUD = 115200

    def images(self) -> list[tuple[int, Path]]:
        directory = self.firmware.parent
        if self.firmware.is_dir():
            directory = self.firmware
        found = []
        for path in sorted(directory.glob("firmware-0x*.bin")):
            m = _IMAGE_RE.match(path.name)
            if m:
                found.append((int(m.group(1), 16), path))
        if not found:
            raise MpforgeError(
                f"{directory}: no firmware-0xOFFSET.bin images (build with "
                f"scons board={self.board.name})"
            )
        return found

    def deploy(self) -> DeployResult:
        self.check_built_for_board()
        chip = self.CHIPS.get(self.board.get("mcu", ""), "ESP8266")
        images = [(offset, path, path.read_bytes()) for offset, path in self.images()]
        for offset, path, data in images:
            if offset == 0 and (not data or data[0] != ESP_IMAGE_MAGIC):
                raise MpforgeError(f"{path}: not an ESP boot image (no 0xE9 magic byte)")
        total = sum(len(data) for _, _, data in images)
        baud = self.options.baud or self.ROM_BAUD
        port = self.options.port
        s = self.session
        usb_ids = (
            [self.board.get("deploy.usb_id")]
            if self.board.get("deploy.usb_id")
            else list(self.USB_BRIDGES)
        )
        if port is None and not s.dry_run:
            port, seen = find_serial_port(usb_ids)
            if port is None:
                raise MpforgeError(
                    f"no {chip} found: looked for a serial port with USB id "
                    f"{', '.join(usb_ids)}; ports present: {', '.join(seen) or 'none'}; "
                    + self.bootloader_hint
                )
        where = port or f"the serial port with USB id {', '.join(usb_ids)}"
        result = DeployResult(self.name, where, nbytes=total)
        if s.dry_run:
            s.do(
                f"connect to the {chip} ROM loader on {where} and start esptool's stub",
                lambda: None,
            )
            for offset, path, data in images:
                s.do(
                    f"write {path.name} ({len(data)} bytes) at flash offset {offset:#07x}"
                    + (", verify by MD5" if self.options.verify else ""),
                    lambda: None,
                )
            s.do("reset the chip to run the firmware", lambda: None)
            result.dry_run = True
            return result

        from esptool.util import FatalError
        from serial import SerialException

        ours, old = _install_logger(s)
        try:
            with self.timed() as timer:
                s.do(f"connect to {port} at {baud} baud", lambda: None)
                esp = self._flash(port, baud, chip, images)
            result.seconds = timer.seconds
        except FatalError as err:
            raise MpforgeError(self._explain(str(err), port)) from None
        except (SerialException, OSError) as err:
            raise MpforgeError(
                f"{port}: the serial connection failed ({err}): the board was unplugged "
                "or reset during the transfer; deploy again"
            ) from None
        finally:
            if ours.bar is not None:
                ours.bar.close(ok=False)
            from esp_pylib.logger import EspLog

            EspLog.instance = old
        del esp
        # esptool's write_flash always compares MD5s and raises on a difference
        result.verified = True
        result.verify_note = "flash MD5 matches"
        return result

    def _flash(self, port: str, baud: int, chip: str, images: list[tuple[int, Path, bytes]]) -> Any:
        from esptool.cmds import detect_chip, reset_chip, write_flash

        esp = detect_chip(port, self.ROM_BAUD, connect_mode="default-reset", connect_attempts=3)
        try:
            if esp.CHIP_NAME != chip:
                raise MpforgeError(
                    f"{port}: the device is an {esp.CHIP_NAME}, board {self.board.name} "
                    f"has an {chip}: firmware for another chip; nothing was written"
                )
            esp = esp.run_stub()
            if baud != self.ROM_BAUD:
                esp.change_baud(baud)
            write_flash(
                esp,
                [(offset, data) for offset, _, data in images],
                flash_size="keep",
                no_progress=False,
            )
            reset_chip(esp, "hard-reset")
        finally:
            esp._port.close()
        return esp

    @staticmethod
    def _explain(message: str, port: str | None) -> str:
        first = message.strip().splitlines()[0] if message.strip() else "esptool failed"
        if "MD5 of file does not match" in message or "written flash region is empty" in message:
            return (
                f"verification failed: the flash's MD5 differs from the image's ({first}); "
                "deploy again, and check the board's power and flash chip"
            )
        if "Failed to connect" in message or "No serial data received" in message:
            return (
                f"{port}: no ESP ROM loader answered ({first}); hold BOOT (GPIO0 low) while "
                "pressing RESET, then deploy again"
            )
        return f"{port}: esptool: {first}"
