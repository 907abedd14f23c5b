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


def generate(env: Any) -> None:
    from SCons.Script import Action, Builder

    # the Program builder links through _link; LINKCOMSTR stays the quiet line
    env["MPF_LINKCOM"] = env["LINKCOM"]
    env["LINKCOM"] = Action(
        user_action(_link), "" if env.get("MPF_VERBOSE") else "$LINKCOMSTR"
    )

    env["BUILDERS"]["SizeReport"] = Builder(action=Action(_size_report, "SIZE $SOURCE"))


def exists(env: Any) -> bool:
    return True
