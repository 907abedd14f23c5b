"""Turning our user errors inside build actions into one-line SCons build errors."""

from __future__ import annotations

from typing import Any

from mpforge.errors import MpforgeError


def user_action(fn: Any) -> Any:
    """Wrap a (target, source, env) action so MpforgeError reads `scons: *** [t] message`."""

    def action(target: Any, source: Any, env: Any) -> int | None:
        import SCons.Errors

        try:
            return fn(target, source, env)
        except MpforgeError as err:
            raise SCons.Errors.BuildError(
                node=target[0],
                errstr=str(err),
                status=err.exit_code,
                exitstatus=err.exit_code,
            ) from None

    action.__name__ = fn.__name__
    return action


def generate(env: Any) -> None:
    pass


def exists(env: Any) -> bool:
    return True
