"""After linking: the firmware must fit the board's flash and RAM (checked from the ELF).

Linking goes through `_link`: when ld fails because a region overflowed, it links
again with --noinhibit-exec (an ELF in spite of the overflow) so the size check can
report every region's use and overflow in one line instead of ld's messages.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from mpforge.build.fileutil import write_if_changed
from mpforge.build.tools.mpf_errors import user_action


@user_action
def _size_report(target: Any, source: Any, env: Any) -> None:
    from mpforge.size import check_fits, sizes

    elf = Path(source[0].abspath)
    memory = env["MPF_BOARD"].get("memory", {})
    try:
        use = check_fits(elf, memory)
    except Exception:
        elf.unlink(missing_ok=True)  # an image that does not fit is no firmware
        raise
    s = sizes(elf)
    report = {
        "text": s.text,
        "data": s.data,
        "bss": s.bss,
        "regions": {u.region: {"used": u.used, "size": u.size} for u in use},
    }
    write_if_changed(Path(target[0].abspath), (json.dumps(report, indent=1) + "\n").encode())


def _link(target: Any, source: Any, env: Any) -> int:
    from mpforge.errors import MpforgeError
    from mpforge.size import check_fits

    command = env.subst("$MPF_LINKCOM", target=target, source=source)
    if env.get("MPF_VERBOSE"):
        print(command)
    result = subprocess.run(command, shell=True, capture_output=True, text=True, env=env["ENV"])
    if result.returncode == 0:
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        return 0
    if "overflowed by" not in result.stderr:
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        return result.returncode
    again = subprocess.run(
        f"{command} -Wl,--noinhibit-exec", shell=True, capture_output=True, env=env["ENV"]
    )
    elf = Path(target[0].abspath)
    try:
        if again.returncode != 0 or not elf.is_file():
            raise MpforgeError(f"{elf.name}: {result.stderr.strip().splitlines()[-1]}", 2)
        check_fits(elf, env["MPF_BOARD"].get("memory", {}))
        raise MpforgeError(f"{elf.name}: {result.stderr.strip().splitlines()[-1]}", 2)
    finally:
        elf.unlink(missing_ok=True)


@user_action
def _print_size(target: Any, source: Any, env: Any) -> None:
    from mpforge.size.report import analyse, format_report

    board = env["MPF_BOARD"]
    report = analyse(Path(source[0].abspath), board.get("memory", {}), board.build_name)
    print(format_report(report))


def _add_size_target(env: Any, outputs: Any) -> Any:
    """`scons board=X size`: the report on the linked firmware (the Program's first
    target, `firmware.elf` or unix's `firmware`)."""
    from SCons.Script import Action, AlwaysBuild, Flatten

    names = {"firmware", "firmware.elf"}
    firmware = [n for n in Flatten(outputs) if getattr(n, "name", "") in names][:1]
    alias = env.Alias("size", firmware, Action(_print_size, None))
    AlwaysBuild(alias)
    return alias


def _map_emitter(target: Any, source: Any, env: Any) -> tuple[Any, Any]:
    # the map is a second target of the link, so SCons's CacheDir keeps it with the ELF
    first = Path(str(target[0]))
    stem = first.with_suffix("") if first.suffix == ".elf" else first
    return target + [env.File(f"{stem}.map")], source


def generate(env: Any) -> None:
    from SCons.Script import Action, Builder

    # The Program builder links through _link; LINKCOMSTR stays the quiet line. The
    # command line is the action's signature (varlist), so changed LINKFLAGS relink.
    # The linker map records which object every input section came from: what the size
    # report attributes symbols and files with.
    env.Append(PROGEMITTER=[_map_emitter], LINKFLAGS=["-Wl,-Map=${TARGETS[1]}"])
    env["MPF_LINKCOM"] = env["LINKCOM"]
    env["LINKCOM"] = Action(
        user_action(_link),
        "" if env.get("MPF_VERBOSE") else "$LINKCOMSTR",
        varlist=["MPF_LINKCOM"],
    )
    env.AddMethod(_add_size_target, "SizeTarget")

    env["BUILDERS"]["SizeReport"] = Builder(action=Action(_size_report, "SIZE $SOURCE"))


def exists(env: Any) -> bool:
    return True
