"""The deploy entry point: pick the board's method from the registry and run it.

`deploy(board, firmware, options)` is the library call behind `mpforge deploy` and
`scons board=X deploy`. Boards QEMU models have no hardware to flash: deploying them
means running them, as `scons run` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from ..build.board import ROOT, Board
from ..errors import MpforgeError
from . import dfu_method, esptool_method, uf2_method  # noqa: F401  (they register)
from .base import METHODS, DeployMethod, DeployOptions, DeployResult, register


@register
class QemuMethod(DeployMethod):
    name = "qemu"
    firmware_file = "firmware.elf"
    MACHINE_KEY: ClassVar[str] = "run.machine"

    def deploy(self) -> DeployResult:
        from .qemu import qemu_argv, run_qemu

        self.check_built_for_board()
        machine = self.board.get(self.MACHINE_KEY)
        result = DeployResult(self.name, f"QEMU {machine}")
        s = self.session
        if s.dry_run:
            s.do(
                "run " + " ".join(qemu_argv("qemu-system-arm", self.firmware, machine)),
                lambda: None,
            )
            result.dry_run = True
            return result
        if not self.firmware.is_file():
            raise MpforgeError(
                f"{self.firmware}: no such firmware (build it with scons board={self.board.name})"
            )
        with self.timed() as timer:
            run = run_qemu(
                self.firmware,
                machine,
                timeout=self.options.timeout,
                echo=lambda text: (s.options.out.write(text), s.options.out.flush()),
            )
        result.seconds = timer.seconds
        result.status = run.status
        if run.timed_out:
            raise MpforgeError(
                f"{self.firmware.name} did not finish within "
                f"{self.options.timeout:g} s under QEMU; stopped it"
            )
        return result


def method_for(board: Board) -> type[DeployMethod]:
    name = board.get("deploy.method", "none")
    if name == "none":
        if board.get("run.method") == "qemu":
            return METHODS["qemu"]
        raise MpforgeError(
            f"board {board.name} has no deploy method (deploy: method: none): "
            + (
                "it runs on this machine: scons board=unix run"
                if board.port == "unix"
                else "nothing to flash"
            )
        )
    return METHODS[name]


def default_firmware(board: Board, method: type[DeployMethod]) -> Path:
    return ROOT / "build" / board.build_name / method.firmware_file


def deploy(
    board: Board, firmware: Path | None = None, options: DeployOptions | None = None
) -> DeployResult:
    """Put `firmware` (default: the board's build output) on the board; raises
    MpforgeError on anything that went wrong, so a returned result means it worked."""
    method = method_for(board)
    options = options or DeployOptions()
    path = firmware or default_firmware(board, method)
    if not path.exists() and not options.dry_run:
        raise MpforgeError(f"{path}: no such firmware (build it with scons board={board.name})")
    return method(board, path, options).deploy()
