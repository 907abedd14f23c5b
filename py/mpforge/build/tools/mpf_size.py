"""After linking: the firmware must fit the board's flash and RAM (checked from the ELF).

The linker is told to write its output even when a region overflows, so that this
check can report the sizes in one line instead of ld's messages.
"""

from __future__ import annotations

import json
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


def generate(env: Any) -> None:
    from SCons.Script import Action, Builder

    env["BUILDERS"]["SizeReport"] = Builder(action=Action(_size_report, "SIZE $SOURCE"))


def exists(env: Any) -> bool:
    return True
