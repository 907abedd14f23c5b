"""The `run` target: boot the firmware (QEMU or natively) and pass on its exit status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mpforge.build.tools.mpf_errors import user_action
from mpforge.errors import MpforgeError


@user_action
def _run(target: Any, source: Any, env: Any) -> None:
    from mpforge.deploy.qemu import run_host, run_qemu

    firmware = Path(source[0].abspath)
    timeout = env["MPF_TIMEOUT"]
    module = env.get("MPF_MODULE") or None
    if env["MPF_RUN_METHOD"] == "qemu":
        result = run_qemu(firmware, env["MPF_QEMU_MACHINE"], module, timeout)
    elif module:
        raise MpforgeError(
            f"module= picks a frozen module on QEMU boards; on the host run {firmware} PROG.mpy"
        )
    else:
        result = run_host(firmware, [], timeout)
    if result.timed_out:
        raise MpforgeError(
            f"{firmware.name} did not finish within {timeout:g} s; stopped it "
            "(give more time with timeout=SECONDS)",
            result.status,
        )
    if result.status != 0:
        raise MpforgeError(f"{firmware.name} exited with status {result.status}", result.status)


def _add_run_target(env: Any, firmware: Any) -> Any:
    from SCons.Script import Action, AlwaysBuild

    alias = env.Alias("run", firmware, Action(_run, None))
    AlwaysBuild(alias)
    return alias


def generate(env: Any) -> None:
    env.AddMethod(_add_run_target, "RunTarget")


def exists(env: Any) -> bool:
    return True
