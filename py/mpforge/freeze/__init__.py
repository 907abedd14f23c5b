"""The freezer: compiled modules to C const data, and the generated headers of the C VM."""

from .frozen import FreezeResult, FreezeStats, ModuleStats, freeze, freeze_modules
from .opcodes_header import render_opcodes_header

__all__ = [
    "FreezeResult",
    "FreezeStats",
    "ModuleStats",
    "freeze",
    "freeze_modules",
    "render_opcodes_header",
]
