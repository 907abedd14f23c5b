"""The one error class for mistakes a user can fix.

Anything raised as `MpforgeError` is printed by the CLI (and by SCons) as a single
line on stderr with a non-zero exit; every other exception is our own bug and keeps
its traceback.
"""


class MpforgeError(Exception):
    """A user-facing error: the message is one line saying what, where, and what to do."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code
