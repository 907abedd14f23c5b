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
    from mpforge.freeze.project import load_ready_mpy
    from mpforge.mpy.mpyfile import save_mpy

    path = Path(source[0].abspath)
    if path.suffix == ".mpy":
        # checked here so a v5 or native-code file stops the build with what made it
        module = load_ready_mpy(path)
    else:
        from mpforge.compiler import compile_module

        text = path.read_text(encoding="utf-8")
        module = compile_module(text, env["MPF_SOURCE_NAME"], optimize=int(env["MPF_OPT"]))
    write_if_changed(Path(target[0].abspath), save_mpy(module))


@user_action
def _freeze(target: Any, source: Any, env: Any) -> None:
    from mpforge.freeze import freeze
    from mpforge.mpy.mpyfile import load_mpy

    modules = []
    runtime: list[Path] = []
    for node in source:
        path = Path(node.abspath)
        if path.suffix == ".mpy":
            # build/frozen/<dotted name>.mpy: the file name is the module name
            modules.append((path.name[: -len(".mpy")], load_mpy(path.read_bytes(), path.name)))
        else:
            runtime.append(path)
    files = freeze(
        modules, runtime, packages=set(env.get("MPF_PACKAGES", [])), float_impl=env["MPF_FLOAT"]
    ).files
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
        action=Action(_compile_mpy, "FREEZE $SOURCE", varlist=["MPF_SOURCE_NAME", "MPF_OPT"]),
        suffix=".mpy",
    )
    env["BUILDERS"]["FrozenContent"] = Builder(
        action=Action(_freeze, "GEN $TARGETS", varlist=["MPF_PACKAGES", "MPF_FLOAT"]),
        # the runtime's .c files are read as text for their qstrs; scanning their
        # #includes would make the generated qstr header depend on itself
        source_scanner=ScannerBase(_no_includes, "mpf_no_includes"),
    )
    env["BUILDERS"]["OpcodesHeader"] = Builder(action=Action(_opcodes, "GEN $TARGET"))


def exists(env: Any) -> bool:
    return True
