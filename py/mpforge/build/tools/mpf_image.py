"""Firmware images: raw .bin from the ELF (objcopy), DfuSe .dfu, UF2, the RP2040 boot2."""

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


@user_action
def _uf2(target: Any, source: Any, env: Any) -> None:
    from mpforge.deploy.uf2 import FAMILIES, write_uf2

    binary = Path(source[0].abspath).read_bytes()
    data = write_uf2(binary, env["MPF_UF2_ADDRESS"], FAMILIES[env["MPF_UF2_FAMILY"]])
    write_if_changed(Path(target[0].abspath), data)


@user_action
def _boot2_source(target: Any, source: Any, env: Any) -> None:
    """boot2.bin (the code alone) -> a C array of the sealed 256 bytes, via a template."""
    import jinja2

    from mpforge.build.board import ROOT
    from mpforge.deploy.uf2 import seal_boot2

    code = Path(source[0].abspath).read_bytes()
    sealed = seal_boot2(code)
    rows = [" ".join(f"0x{b:02x}," for b in sealed[i : i + 12]) for i in range(0, len(sealed), 12)]
    jenv = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ROOT / "templates")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    text = jenv.get_template("rp2_boot2.c.j2").render(
        source="ports/rp2/boot2.c",
        code_size=len(code),
        crc=int.from_bytes(sealed[-4:], "little"),
        rows=rows,
    )
    write_if_changed(Path(target[0].abspath), text.encode("utf-8"))


@user_action
def _esp_image(target: Any, source: Any, env: Any) -> None:
    from mpforge.deploy.esp import write_esp8266_images

    write_esp8266_images(Path(source[0].abspath), Path(target[0].abspath).parent)


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
    env["BUILDERS"]["Uf2"] = Builder(
        action=Action(_uf2, "UF2 $TARGET", varlist=["MPF_UF2_ADDRESS", "MPF_UF2_FAMILY"]),
        suffix=".uf2",
    )
    env["BUILDERS"]["EspImage"] = Builder(action=Action(_esp_image, "ESP $TARGET"))
    env["BUILDERS"]["Boot2Source"] = Builder(action=Action(_boot2_source, "BOOT2 $TARGET"))


def exists(env: Any) -> bool:
    return True
