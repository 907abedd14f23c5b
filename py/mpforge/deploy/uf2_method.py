"""`deploy: {method: uf2}`: firmware.uf2 onto the boot ROM's USB drive, or `picotool load -x`.

The RP2040's boot ROM (BOOTSEL held at reset) shows a drive holding INFO_UF2.TXT,
whose `Board-ID:` line names the bootloader. Copying a UF2 file onto it flashes and
starts the firmware; the drive then disappears. A UF2 drive cannot be read back, so
the check is what the boot ROM checks: every block's magic, numbering and family.
"""

from __future__ import annotations

import getpass
import os
import shutil
from pathlib import Path
from typing import ClassVar

from ..errors import MpforgeError
from .base import DeployMethod, DeployResult, register
from .uf2 import FAMILIES, read_uf2

CHUNK = 64 * 1024


def drive_info(drive: Path) -> dict[str, str]:
    """INFO_UF2.TXT as `key: value` pairs (first line: the bootloader's version)."""
    text = (drive / "INFO_UF2.TXT").read_text(errors="replace")
    info = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            info[key.strip()] = value.strip()
    return info


@register
class Uf2Method(DeployMethod):
    name = "uf2"
    firmware_file = "firmware.uf2"
    bootloader_hint: ClassVar[str] = (
        "hold BOOTSEL while plugging the board in (or while pressing RESET) so that its "
        "drive appears, or give the mounted drive with --port"
    )
    # Board-ID of the boot ROM's drive for each MCU family
    BOARD_IDS: ClassVar[dict[str, str]] = {"RP2040": "RPI-RP2"}

    def mount_roots(self) -> list[Path]:
        extra = self.options.extra.get("uf2_mount_roots")
        if extra is not None:
            return [Path(p) for p in extra]
        user = os.environ.get("USER") or getpass.getuser()
        return [
            Path("/media") / user,
            Path("/run/media") / user,
            Path("/media"),
            Path("/Volumes"),
            Path("/mnt"),
        ]

    def find_drives(self, board_id: str) -> tuple[list[Path], list[str]]:
        """Drives whose INFO_UF2.TXT names `board_id`; and every UF2 drive seen."""
        found, seen = [], []
        for root in self.mount_roots():
            try:
                candidates = [root, *sorted(p for p in root.iterdir() if p.is_dir())]
            except OSError:
                continue
            for drive in candidates:
                if not (drive / "INFO_UF2.TXT").is_file():
                    continue
                ident = drive_info(drive).get("Board-ID", "?")
                seen.append(f"{drive} ({ident})")
                if ident == board_id:
                    found.append(drive)
        return found, seen

    def deploy(self) -> DeployResult:
        self.check_built_for_board()
        data = self.read_firmware()
        family_name = str(self.board.get("family", "")).upper()
        family = FAMILIES.get(family_name)
        blocks = read_uf2(data, str(self.firmware))
        for n, block in enumerate(blocks):
            if block.number != n or block.total != len(blocks):
                raise MpforgeError(
                    f"{self.firmware}: block {n} is numbered {block.number}/{block.total}: "
                    "the file is damaged, rebuild it"
                )
            if family is not None and block.family != family:
                raise MpforgeError(
                    f"{self.firmware} is for UF2 family {block.family:#010x}, board "
                    f"{self.board.name} is {family_name} ({family:#010x}): firmware for "
                    "another chip"
                )
        board_id = self.BOARD_IDS.get(family_name, family_name)
        s = self.session
        drive = Path(self.options.port) if self.options.port else None
        if drive is not None:
            if not (drive / "INFO_UF2.TXT").is_file():
                raise MpforgeError(f"{drive}: no INFO_UF2.TXT there: not a UF2 bootloader drive")
            ident = drive_info(drive).get("Board-ID", "?")
            if ident != board_id:
                raise MpforgeError(
                    f"{drive} is a {ident} bootloader, board {self.board.name} needs "
                    f"{board_id}: firmware for another board"
                )
        else:
            drives, seen = self.find_drives(board_id)
            if len(drives) > 1:
                raise MpforgeError(
                    f"several {board_id} drives: {', '.join(map(str, drives))}; "
                    "choose one with --port"
                )
            drive = drives[0] if drives else None
            if drive is None:
                picotool = shutil.which("picotool")
                if picotool:
                    return self._picotool(picotool, len(data))
                if not s.dry_run:
                    roots = ", ".join(str(r) for r in self.mount_roots())
                    raise MpforgeError(
                        f"no {board_id} drive found: looked for INFO_UF2.TXT with Board-ID "
                        f"{board_id} under {roots} (UF2 drives seen: {', '.join(seen) or 'none'}"
                        "), and picotool is not installed; " + self.bootloader_hint
                    )
        result = DeployResult(self.name, str(drive or f"the {board_id} drive"), nbytes=len(data))
        target = (drive / self.firmware.name) if drive else None
        if s.dry_run:
            s.do(
                f"copy {self.firmware.name} ({len(blocks)} blocks) to "
                f"{target or f'the {board_id} drive'}",
                lambda: None,
            )
            result.dry_run = True
            return result
        assert drive is not None and target is not None
        with self.timed() as timer:
            s.do(f"copy {self.firmware.name} to {target}", self._copy, data, drive, target)
        result.seconds = timer.seconds
        result.verified = None
        result.verify_note = (
            f"a UF2 drive cannot be read back; {len(blocks)} blocks checked for magic, "
            f"numbering and family {family_name or '?'}"
        )
        return result

    def _copy(self, data: bytes, drive: Path, target: Path) -> None:
        info = drive / "INFO_UF2.TXT"
        with self.session.progress("copy", len(data)) as bar:
            try:
                with open(target, "wb") as out:
                    for pos in range(0, len(data), CHUNK):
                        # a drive pulled out leaves the open file writable in the page
                        # cache: its INFO_UF2.TXT vanishing is how we notice
                        if not info.exists():
                            raise OSError(f"{drive} is gone")
                        out.write(data[pos : pos + CHUNK])
                        out.flush()
                        bar.update(pos + len(data[pos : pos + CHUNK]))
                    os.fsync(out.fileno())
            except OSError as err:
                raise MpforgeError(
                    f"{drive}: the drive went away during the copy ({err}); the board may "
                    "hold half a firmware: enter BOOTSEL again and deploy again"
                ) from None

    def _picotool(self, picotool: str, nbytes: int) -> DeployResult:
        result = DeployResult(self.name, "picotool (USB BOOTSEL)", nbytes=nbytes)
        with self.timed() as timer:
            self.session.check_call([picotool, "load", "-v", "-x", str(self.firmware)])
        result.seconds = timer.seconds
        result.dry_run = self.session.dry_run
        # -v: picotool reads the flash back and compares (it fails otherwise)
        result.verified = None if self.session.dry_run else True
        result.verify_note = "picotool load -v compared the flash"
        return result
