"""Subcommands of the CLI, each a thin wrapper over one library function."""

from __future__ import annotations
