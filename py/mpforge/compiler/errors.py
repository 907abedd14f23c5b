"""Compile errors, reported the way mpy-cross reports them."""

from __future__ import annotations

from ..errors import MpforgeError


class CompileError(MpforgeError):
    """The first error found in a module: exception type, message, file and line."""

    def __init__(
        self, exc_type: str, message: str, filename: str, line: int, block: str | None = None
    ) -> None:
        self.exc_type = exc_type
        self.message = message
        self.filename = filename
        self.line = line
        self.block = block  # the scope's name for errors found while compiling, not parsing
        # line 0: an error MicroPython raises with no location (e.g. from the lexer)
        where = f'File "{filename}", line {line}' if line else f'File "{filename}"'
        super().__init__(f"{where}: {exc_type}: {message}")

    @classmethod
    def not_supported(cls, what: str, filename: str, line: int) -> CompileError:
        return cls("NotImplementedError", f"{what} not supported yet by mpforge", filename, line)

    def traceback_text(self) -> str:
        """The three lines mpy-cross prints for this error."""
        if not self.line:
            return f"{self.exc_type}: {self.message}\n"
        where = f", in {self.block}" if self.block else ""
        return (
            "Traceback (most recent call last):\n"
            f'  File "{self.filename}", line {self.line}{where}\n'
            f"{self.exc_type}: {self.message}\n"
        )
