"""The `deploy` target: put the built firmware on the board by its deploy method."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mpforge.build.tools.mpf_errors import user_action


@user_action
def _deploy(target: Any, source: Any, env: Any) -> None:
    from mpforge.deploy.base import DeployOptions
    from mpforge.deploy.methods import deploy, method_for

    board = env["MPF_BOARD"]
    method = method_for(board)
    firmware = Path(env["MPF_BUILD"]) / method.firmware_file
    baud = env.get("MPF_DEPLOY_BAUD") or None
    options = DeployOptions(
        port=env.get("MPF_DEPLOY_PORT") or None,
        baud=int(baud) if baud else None,
        dry_run=bool(env.get("MPF_DRY_RUN")),
        timeout=env["MPF_TIMEOUT"],
    )
    result = deploy(board, firmware, options)
    if result.method != "qemu" or result.dry_run:
        print(result.summary())
    elif result.status != 0:
        from mpforge.errors import MpforgeError

        raise MpforgeError(f"{firmware.name} exited with status {result.status}", result.status)


def _add_deploy_target(env: Any, firmware: Any) -> Any:
    from SCons.Script import Action, AlwaysBuild

    alias = env.Alias("deploy", firmware, Action(_deploy, None))
    AlwaysBuild(alias)
    return alias


def generate(env: Any) -> None:
    env.AddMethod(_add_deploy_target, "DeployTarget")


def exists(env: Any) -> bool:
    return True
