"""A project's frozen modules: manifest -> compiled modules -> C, outside or inside SCons."""

from __future__ import annotations

from pathlib import Path

from ..errors import MpforgeError
from ..mpy.mpyfile import CompiledModule, load_mpy
from .frozen import FreezeResult, freeze
from .manifest import FrozenModule, load_manifest, shown

RUNTIME_DIR = Path(__file__).resolve().parents[3] / "runtime"


def runtime_sources(runtime_dir: Path = RUNTIME_DIR) -> list[Path]:
    """The runtime files whose qstrs the pool must hold."""
    return sorted(runtime_dir.glob("*.c")) + sorted(runtime_dir.glob("*.h"))


def load_ready_mpy(path: Path, data: bytes | None = None) -> CompiledModule:
    """A ready .mpy, refused unless it is v6 bytecode (the runtime runs no native code)."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as err:
            raise MpforgeError(f"{shown(path)}: cannot read: {err.strerror}") from None
    return load_mpy(data, shown(path), arch="none")


def compile_frozen(module: FrozenModule) -> CompiledModule:
    """One manifest entry as a compiled module: a .py by our compiler, a .mpy as it is."""
    if module.path.suffix == ".mpy":
        return load_ready_mpy(module.path)
    from ..compiler import compile_module

    try:
        text = module.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise MpforgeError(f"{shown(module.path)}: cannot read: {err}") from None
    return compile_module(text, module.source_name, optimize=module.opt)


def project_modules(
    manifest: Path, runtime_dir: Path = RUNTIME_DIR, lib_dir: Path | None = None
) -> list[FrozenModule]:
    """What a firmware freezes: the manifest's modules, then the runtime's library in
    Python (runtime/lib: asyncio) but for a name the project has a module of its own."""
    modules = load_manifest(manifest, lib_dir)
    own = {m.name for m in modules}
    library_manifest = runtime_dir / "lib" / "manifest.yaml"
    library = load_manifest(library_manifest) if library_manifest.is_file() else []
    return modules + [m for m in library if m.name not in own]


def freeze_manifest(
    manifest: Path, runtime_dir: Path = RUNTIME_DIR, lib_dir: Path | None = None
) -> FreezeResult:
    """Generated files (frozen_content.c, qstrdefs.generated.h) for a project's modules."""
    modules = project_modules(manifest, runtime_dir, lib_dir)
    compiled = [(m.name, compile_frozen(m)) for m in modules]
    return freeze(
        compiled, runtime_sources(runtime_dir), packages={m.name for m in modules if m.is_package}
    )
