"""Frozen modules: FREEZE compiles each .py to .mpy; the freezer turns them into C.

Heavy imports (compiler, freezer, jinja2) happen inside the actions, so a no-op
rebuild never pays for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mpforge.build.fileutil import write_if_changed
from mpforge.build.tools.mpf_errors import user_action

# what mpforge.freeze.freeze_modules returns, by file name; all go to genhdr/
FREEZER_OUTPUTS = ("qstrdefs.generated.h", "frozen_content.c")


@user_action
def _compile_mpy(target: Any, source: Any, env: Any) -> None:
    from mpforge.compiler import compile_module
    from mpforge.mpy.mpyfile import save_mpy

    text = Path(source[0].abspath).read_text(encoding="utf-8")
    module = compile_module(text, env["MPF_SOURCE_NAME"])
    write_if_changed(Path(target[0].abspath), save_mpy(module))


@user_action
def _freeze(target: Any, source: Any, env: Any) -> None:
    from mpforge.freeze import freeze_modules
    from mpforge.mpy.mpyfile import load_mpy

    modules = []
    runtime: list[Path] = []
    for node in source:
        path = Path(node.abspath)
        if path.suffix == ".mpy":
            modules.append((path.stem, load_mpy(path.read_bytes(), path.name)))
        else:
            runtime.append(path)
    files = freeze_modules(modules, runtime)
    out_dir = Path(target[0].abspath).parent
    for name, content in files.items():
        if name.endswith(".c") and name not in FREEZER_OUTPUTS:
            from mpforge.errors import MpforgeError

            raise MpforgeError(f"freezer produced {name}, which the build does not compile")
        write_if_changed(out_dir / name, content.encode("utf-8"))


@user_action
def _opcodes(target: Any, source: Any, env: Any) -> None:
    from mpforge.freeze import render_opcodes_header

    write_if_changed(Path(target[0].abspath), render_opcodes_header().encode("utf-8"))


def _no_includes(node: Any, env: Any, path: Any) -> list[Any]:
    return []


def generate(env: Any) -> None:
    from SCons.Scanner import ScannerBase
    from SCons.Script import Action, Builder

    env["BUILDERS"]["FrozenMpy"] = Builder(
        action=Action(_compile_mpy, "FREEZE $SOURCE", varlist=["MPF_SOURCE_NAME"]),
        suffix=".mpy",
        src_suffix=".py",
    )
    env["BUILDERS"]["FrozenContent"] = Builder(
        action=Action(_freeze, "GEN $TARGETS"),
        # the runtime's .c files are read as text for their qstrs; scanning their
        # #includes would make the generated qstr header depend on itself
        source_scanner=ScannerBase(_no_includes, "mpf_no_includes"),
    )
    env["BUILDERS"]["OpcodesHeader"] = Builder(action=Action(_opcodes, "GEN $TARGET"))


def exists(env: Any) -> bool:
    return True
