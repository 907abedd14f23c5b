"""Firmware images: raw .bin from the ELF (objcopy), and the DfuSe .dfu for DFU flashing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mpforge.build.fileutil import write_if_changed
from mpforge.build.tools.mpf_errors import user_action


@user_action
def _dfu(target: Any, source: Any, env: Any) -> None:
    from mpforge.deploy.dfu import firmware_dfu

    binary = Path(source[0].abspath).read_bytes()
    data = firmware_dfu(binary, env["MPF_DFU_ADDRESS"], env["MPF_USB_ID"])
    write_if_changed(Path(target[0].abspath), data)


def generate(env: Any) -> None:
    from SCons.Script import Action, Builder

    env["BUILDERS"]["RawBinary"] = Builder(
        action=Action("$OBJCOPY -O binary $SOURCE $TARGET", "BIN $TARGET"),
        suffix=".bin",
    )
    env["BUILDERS"]["DfuSe"] = Builder(
        action=Action(_dfu, "DFU $TARGET", varlist=["MPF_DFU_ADDRESS", "MPF_USB_ID"]),
        suffix=".dfu",
    )


def exists(env: Any) -> bool:
    return True
