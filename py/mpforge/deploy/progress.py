"""A one-line progress bar for transfers, redrawn in place on a terminal.

Off a terminal (CI logs, pipes) it prints one line at the start and one at the end,
so logs show what was sent without hundreds of carriage returns.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def human_bytes(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n / (1024 * 1024):.2f} MiB"


class Progress:
    """`update(done)` with bytes done so far; `close()` ends the line."""

    WIDTH = 30

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = max(total, 0)
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.start = time.monotonic()
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_draw = 0.0
        self._closed = False
        if not self._tty:
            self.stream.write(f"{label}: {human_bytes(self.total)}\n")

    def update(self, done: int) -> None:
        self.done = min(done, self.total) if self.total else done
        now = time.monotonic()
        # redrawing more than ~20 times a second costs more than the transfer on a fast link
        if self._tty and (now - self._last_draw > 0.05 or self.done >= self.total):
            self._last_draw = now
            self._draw()

    def advance(self, n: int) -> None:
        self.update(self.done + n)

    def _draw(self) -> None:
        frac = self.done / self.total if self.total else 1.0
        filled = int(frac * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(
            f"\r{self.label}: [{bar}] {frac * 100:5.1f}% "
            f"{human_bytes(self.done)}/{human_bytes(self.total)}"
        )
        self.stream.flush()

    def close(self, ok: bool = True) -> None:
        if self._closed:
            return
        self._closed = True
        seconds = time.monotonic() - self.start
        if self._tty:
            self._draw()
            self.stream.write("\n")
        elif ok:
            self.stream.write(f"{self.label}: {human_bytes(self.done)} in {seconds:.1f} s\n")
        else:
            self.stream.write(f"{self.label}: stopped after {human_bytes(self.done)}\n")
        self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.close(ok=exc_type is None)
