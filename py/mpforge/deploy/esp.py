"""ESP8266 images through esptool's library: elf2image writes them, image_info reads them.

The ESP8266's v1 layout is two files: `firmware-0x00000.bin` (header, the IRAM and DRAM
segments the boot ROM copies, a checksum) flashed at 0, and `firmware-0x09000.bin`, the
code run from flash through the cache, flashed at its offset.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from ..errors import MpforgeError

IROM_MAP_START = 0x40200000  # flash offset 0 as the cache maps it


def esp8266_images(elf: Path) -> dict[int, bytes]:
    """esptool's elf2image of `elf`: flash offset -> bytes (0 and the flash code's)."""
    try:
        from esptool.bin_image import LoadFirmwareImage  # noqa: F401  (esptool is there)
        from esptool.cmds import elf2image
    except ImportError:
        raise MpforgeError("esptool is not installed: pip install esptool") from None
    # esptool reports progress on stdout; the build's own line says what happened
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            result = elf2image(str(elf), "esp8266", output=None, version="1")
        except Exception as err:  # esptool raises its own FatalError and plain errors
            raise MpforgeError(f"{elf.name}: esptool elf2image failed: {err}") from None
    assert isinstance(result, tuple)
    irom, other = result
    images = {0: other or b""}
    if irom is not None:
        images[_irom_address(elf) - IROM_MAP_START] = irom
    return images


def _irom_address(elf: Path) -> int:
    from ..size import elf_sections

    return next(s.vma for s in elf_sections(elf) if s.vma >= IROM_MAP_START)


def write_esp8266_images(elf: Path, out_dir: Path) -> list[Path]:
    """Write `firmware-0xOFFSET.bin` for each image; returns their paths by offset."""
    for old in out_dir.glob("firmware-0x*.bin"):
        old.unlink()
    paths = []
    for offset, data in sorted(esp8266_images(elf).items()):
        path = out_dir / f"firmware-0x{offset:05x}.bin"
        path.write_bytes(data)
        paths.append(path)
    return paths
