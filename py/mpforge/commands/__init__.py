"""Subcommands of the CLI: one module each, registered with `mpforge.cli.command`.

Importing this package imports every subcommand module so they register themselves.
"""

import importlib
import pkgutil

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")
