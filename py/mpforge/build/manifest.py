"""Frozen-module manifests for the build: see `mpforge.freeze.manifest`.

Kept as the build's import point; the minimal `modules:` form is one case of
manifest.yaml there (each listed file frozen under its stem).
"""

from __future__ import annotations

from ..freeze.manifest import FrozenModule, load_manifest

__all__ = ["FrozenModule", "load_manifest"]
