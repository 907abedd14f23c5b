"""Finding the external programs a build needs, and saying what to install if one is missing."""

from __future__ import annotations

import shutil

from ..errors import MpforgeError

# executable -> the Debian packages that provide it (and what it needs to be useful)
DEBIAN_PACKAGES: dict[str, tuple[str, ...]] = {
    "gcc": ("gcc",),
    "clang": ("clang", "libclang-rt-14-dev"),  # Debian 12's clang; libFuzzer is in the -rt
    "arm-none-eabi-gcc": ("gcc-arm-none-eabi", "libnewlib-arm-none-eabi"),
    "arm-none-eabi-objcopy": ("binutils-arm-none-eabi",),
    "xtensa-lx106-elf-gcc": ("gcc-xtensa-lx106", "binutils-xtensa-lx106"),
    "qemu-system-arm": ("qemu-system-arm",),
    "dfu-suffix": ("dfu-util",),
    "dfu-util": ("dfu-util",),
}


def find_tool(name: str, path: str | None = None) -> str:
    """Absolute path of `name` on `path` (default: $PATH); MpforgeError naming the package."""
    found = shutil.which(name, path=path)
    if found is None:
        packages = " ".join(DEBIAN_PACKAGES.get(name, (name,)))
        raise MpforgeError(
            f"{name} not found on PATH: install it with `apt-get install {packages}` "
            "(or run tools/setup.sh)",
            2,
        )
    return found
