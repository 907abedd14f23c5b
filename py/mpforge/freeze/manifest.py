"""Manifests: which modules a firmware freezes, as `manifest.yaml` or MicroPython's `manifest.py`.

`manifest.yaml` (every key optional):

    modules: [main.py, lib/util.py, prebuilt.mpy]   # each frozen under its file's stem
    packages: [mypkg]                               # mypkg/__init__.py and everything below
    directories:                                    # every module below, dotted by path
      - path: src
        include: ["*.py"]                           # default: *.py and *.mpy
        exclude: ["test_*"]
    opt: 2                                          # optimisation level (as mpy-cross -O)
    include: [../common/manifest.yaml]              # other manifests (.yaml or .py)

`manifest.py` is MicroPython's format: a Python file calling `freeze`, `include`,
`module`, `package`, `require` (from a micropython-lib checkout named by `lib=` or
$MPY_LIB_DIR), `metadata` and `options`. It is executed with only those names
in scope; paths resolve against the manifest's own directory, never the current one.

Errors name the manifest and the line: `manifest.yaml:LINE: no such file: PATH`.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

from ..errors import MpforgeError

MODULE_SUFFIXES = (".py", ".mpy")
DEFAULT_INCLUDE = ("*.py", "*.mpy")
# micropython-lib's top-level directories, searched in this order by require()
LIB_AREAS = ("micropython", "python-stdlib", "python-ecosys", "unix-ffi")


@dataclass(frozen=True)
class FrozenModule:
    name: str  # dotted module name; a package is named by its directory
    path: Path  # the .py to compile or the ready .mpy
    # the name compiled into the module (tracebacks say File "pkg/util.py")
    source_name: str
    opt: int = 0
    is_package: bool = False


def shown(path: Path) -> str:
    """A path as the user would type it: relative to the current directory if inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def module_for(file: Path, base: Path, opt: int) -> FrozenModule:
    """The module `file` is when frozen with dotted names relative to `base`."""
    rel = file.relative_to(base)
    parts = list(rel.with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return FrozenModule(".".join(parts), file, rel.as_posix(), opt, is_package)


@dataclass
class _Collector:
    """Modules in manifest order; a name frozen twice is an error at the second place."""

    modules: list[FrozenModule] = field(default_factory=list)
    where: dict[str, str] = field(default_factory=dict)
    metadata: list[dict[str, Any]] = field(default_factory=list)
    active: list[Path] = field(default_factory=list)  # manifests being read (cycles)

    def add(self, module: FrozenModule, at: str) -> None:
        if not module.name:
            raise MpforgeError(f"{at}: {shown(module.path)} has no module name", 2)
        if module.name in self.where:
            raise MpforgeError(
                f"{at}: module {module.name!r} is already frozen (at {self.where[module.name]})",
                2,
            )
        self.where[module.name] = at
        self.modules.append(module)


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Path]:
    """Module files below `root`, sorted, so a manifest freezes the same set everywhere."""
    for file in sorted(root.rglob("*")):
        rel = file.relative_to(root).as_posix()
        if file.suffix not in MODULE_SUFFIXES or not file.is_file():
            continue
        if "__pycache__" in file.parts:
            continue

        def matches(patterns: tuple[str, ...], rel: str = rel, name: str = file.name) -> bool:
            return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)

        if matches(include) and not matches(exclude):
            yield file


def load_manifest(path: Path, lib_dir: Path | None = None) -> list[FrozenModule]:
    """The modules `path` freezes (manifest.yaml or manifest.py), in manifest order."""
    collector = _Collector()
    _load_any(Path(path).absolute(), collector, lib_dir, None, at=None)
    return collector.modules


def _load_any(
    path: Path, c: _Collector, lib_dir: Path | None, opt: int | None, at: str | None
) -> None:
    if path.is_dir():
        path = path / "manifest.py"
    if not path.is_file():
        if at:
            raise MpforgeError(f"{at}: no such file: {shown(path)}", 2)
        raise MpforgeError(f"{shown(path)}: cannot read manifest: No such file or directory", 2)
    if path.resolve() in c.active:
        raise MpforgeError(f"{at}: {shown(path)} includes itself", 2)
    c.active.append(path.resolve())
    try:
        if path.suffix == ".py":
            _load_py(path, c, lib_dir)
        else:
            _load_yaml(path, c, lib_dir, opt)
    finally:
        c.active.pop()


# -- manifest.yaml -----------------------------------------------------------------------

_YAML_KEYS = ("modules", "packages", "directories", "opt", "include")


def _load_yaml(path: Path, c: _Collector, lib_dir: Path | None, opt: int | None) -> None:
    name = shown(path)
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except OSError as err:
        raise MpforgeError(f"{name}: cannot read manifest: {err.strerror}", 2) from None
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else 1
        raise MpforgeError(f"{name}:{line}: {err.problem}", 2) from None

    def at(n: yaml.Node | None) -> str:
        return f"{name}:{n.start_mark.line + 1 if n is not None else 1}"

    def fail(n: yaml.Node | None, key: str, what: str) -> MpforgeError:
        return MpforgeError(f"{at(n)}: {key}: {what}", 2)

    def strings(n: yaml.Node, key: str) -> list[yaml.ScalarNode]:
        if not isinstance(n, yaml.SequenceNode):
            raise fail(n, key, "expected a list")
        for i, item in enumerate(n.value):
            if not isinstance(item, yaml.ScalarNode) or not item.value:
                raise fail(item, f"{key}[{i}]", "expected a path")
        return n.value

    def existing(n: yaml.ScalarNode, want_dir: bool = False) -> Path:
        file = (path.parent / n.value).absolute()
        if not (file.is_dir() if want_dir else file.is_file()):
            raise MpforgeError(f"{at(n)}: no such {'directory' if want_dir else 'file'}: "
                               f"{shown(file)}", 2)  # fmt: skip
        return file

    if node is None:
        return
    if not isinstance(node, yaml.MappingNode):
        raise fail(node, "modules", "a manifest is a mapping (keys: " + ", ".join(_YAML_KEYS) + ")")
    keys = {k.value: (k, v) for k, v in node.value}
    for key, (knode, _) in keys.items():
        if key not in _YAML_KEYS:
            raise fail(knode, str(key), f"unknown key (known here: {', '.join(_YAML_KEYS)})")
    if "opt" in keys:
        vnode = keys["opt"][1]
        if not (isinstance(vnode, yaml.ScalarNode) and vnode.value in ("0", "1", "2", "3")):
            raise fail(vnode, "opt", "expected an optimisation level 0 to 3")
        opt = int(vnode.value)
    level = opt or 0
    if "include" in keys:
        for item in strings(keys["include"][1], "include"):
            _load_any((path.parent / item.value).absolute(), c, lib_dir, opt, at(item))
    if "modules" in keys:
        for i, item in enumerate(strings(keys["modules"][1], "modules")):
            if not item.value.endswith(MODULE_SUFFIXES):
                raise fail(item, f"modules[{i}]", "expected a .py or .mpy file name")
            file = existing(item)
            # listed modules are frozen under their file's stem (pkg/util.py -> util)
            c.add(FrozenModule(file.stem, file, file.name, level), at(item))
    if "packages" in keys:
        for item in strings(keys["packages"][1], "packages"):
            pkg = existing(item, want_dir=True)
            if not (pkg / "__init__.py").is_file() and not (pkg / "__init__.mpy").is_file():
                raise MpforgeError(f"{at(item)}: no such file: {shown(pkg / '__init__.py')}", 2)
            for file in _walk(pkg, DEFAULT_INCLUDE, ()):
                c.add(module_for(file, pkg.parent, level), at(item))
    if "directories" in keys:
        dnode = keys["directories"][1]
        if not isinstance(dnode, yaml.SequenceNode):
            raise fail(dnode, "directories", "expected a list of {path, include, exclude}")
        for i, entry in enumerate(dnode.value):
            _yaml_directory(entry, f"directories[{i}]", c, level, existing, strings, fail, at)


def _yaml_directory(
    entry: yaml.Node,
    key: str,
    c: _Collector,
    level: int,
    existing: Callable[..., Path],
    strings: Callable[[yaml.Node, str], list[yaml.ScalarNode]],
    fail: Callable[[yaml.Node | None, str, str], MpforgeError],
    at: Callable[[yaml.Node | None], str],
) -> None:
    if isinstance(entry, yaml.ScalarNode):
        fields: dict[str, yaml.Node] = {"path": entry}
    elif isinstance(entry, yaml.MappingNode):
        fields = {k.value: v for k, v in entry.value}
    else:
        raise fail(entry, key, "expected a path or {path, include, exclude}")
    for name in fields:
        if name not in ("path", "include", "exclude"):
            raise fail(entry, f"{key}.{name}", "unknown key (known here: path, include, exclude)")
    if "path" not in fields or not isinstance(fields["path"], yaml.ScalarNode):
        raise fail(entry, f"{key}.path", "required: the directory to freeze")
    root = existing(fields["path"], want_dir=True)
    include = tuple(
        n.value for n in strings(fields["include"], f"{key}.include")
    ) if "include" in fields else DEFAULT_INCLUDE  # fmt: skip
    exclude = tuple(
        n.value for n in strings(fields["exclude"], f"{key}.exclude")
    ) if "exclude" in fields else ()  # fmt: skip
    for file in _walk(root, include, exclude):
        c.add(module_for(file, root, level), at(fields["path"]))


# -- manifest.py --------------------------------------------------------------------------

_ALLOWED_BUILTINS = (
    "True", "False", "None", "len", "range", "str", "int", "list", "tuple", "dict",
    "set", "sorted", "enumerate", "zip", "isinstance", "print", "ValueError",
)  # fmt: skip


def _builtins() -> dict[str, Any]:
    import builtins

    return {name: getattr(builtins, name) for name in _ALLOWED_BUILTINS if hasattr(builtins, name)}


def _load_py(path: Path, c: _Collector, lib_dir: Path | None) -> None:
    name = shown(path)
    base = path.parent
    try:
        text = path.read_text(encoding="utf-8")
        code = compile(text, str(path), "exec")
    except OSError as err:
        raise MpforgeError(f"{name}: cannot read manifest: {err.strerror}", 2) from None
    except SyntaxError as err:
        raise MpforgeError(f"{name}:{err.lineno or 1}: SyntaxError: {err.msg}", 2) from None

    def here() -> str:
        # the manifest's line that made the current call: its frame carries its path
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != str(path):
            frame = frame.f_back
        return f"{name}:{frame.f_lineno if frame else 1}"

    def expand(p: str) -> Path:
        if "$(MPY_LIB_DIR)" in p:
            p = p.replace("$(MPY_LIB_DIR)", str(_lib_dir(lib_dir, here())))
        return (base / p).absolute()

    def need(file: Path, want_dir: bool = False) -> Path:
        if not (file.is_dir() if want_dir else file.exists()):
            raise MpforgeError(f"{here()}: no such {'directory' if want_dir else 'file'}: "
                               f"{shown(file)}", 2)  # fmt: skip
        return file

    def level(opt: int | None) -> int:
        return getattr(options, "opt", 0) if opt is None else int(opt)

    def freeze(path_: str, script: str | list[str] | tuple[str, ...] | None = None,
               opt: int | None = None) -> None:  # fmt: skip
        root = need(expand(path_), want_dir=True)
        if script is None:
            for file in _walk(root, DEFAULT_INCLUDE, ()):
                c.add(module_for(file, root, level(opt)), here())
            return
        for s in [script] if isinstance(script, str) else list(script):
            file = need(root / s)
            c.add(module_for(file, root, level(opt)), here())

    def module(module_path: str, base_path: str = ".", opt: int | None = None) -> None:
        root = need(expand(base_path), want_dir=True)
        c.add(module_for(need(root / module_path), root, level(opt)), here())

    def package(package_path: str, files: list[str] | None = None, base_path: str = ".",
                opt: int | None = None) -> None:  # fmt: skip
        root = need(expand(base_path), want_dir=True)
        pkg = need(root / package_path, want_dir=True)
        chosen = [need(pkg / f) for f in files] if files else list(_walk(pkg, DEFAULT_INCLUDE, ()))
        for file in chosen:
            c.add(module_for(file, root, level(opt)), here())

    def include(manifest_path: str, **kwargs: Any) -> None:
        for key, value in kwargs.items():
            setattr(options, key, value)
        _load_any(expand(manifest_path), c, lib_dir, None, here())

    def require(name_: str, version: str | None = None, unix_ffi: bool = False,
                pypi: str | None = None, **kwargs: Any) -> None:  # fmt: skip
        lib = _lib_dir(lib_dir, here())
        areas = (["unix-ffi"] if unix_ffi else []) + list(LIB_AREAS)
        for area in areas:
            for found in sorted((lib / area).glob(f"**/{name_}/manifest.py")):
                _load_any(found, c, lib_dir, None, here())
                return
        raise MpforgeError(f"{here()}: require({name_!r}): no such package in {shown(lib)}", 2)

    def metadata(description: str | None = None, version: str | None = None,
                 license: str | None = None, author: str | None = None) -> None:  # fmt: skip
        c.metadata.append({"manifest": name, "description": description, "version": version,
                           "license": license, "author": author})  # fmt: skip

    options = SimpleNamespace()

    def add_options(**kwargs: Any) -> None:
        for key, value in kwargs.items():
            if not hasattr(options, key):
                setattr(options, key, value)

    options.defaults = add_options
    namespace: dict[str, Any] = {
        "__builtins__": _builtins(),
        "__file__": str(path),
        "freeze": freeze,
        "include": include,
        "module": module,
        "package": package,
        "require": require,
        "metadata": metadata,
        "options": options,
    }
    try:
        exec(code, namespace)
    except MpforgeError:
        raise
    except Exception as err:
        tb = err.__traceback__
        line = 1
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == str(path):
                line = tb.tb_lineno
            tb = tb.tb_next
        raise MpforgeError(f"{name}:{line}: {type(err).__name__}: {err}", 2) from None


def _lib_dir(lib_dir: Path | None, at: str) -> Path:
    chosen = lib_dir or (Path(os.environ["MPY_LIB_DIR"]) if os.environ.get("MPY_LIB_DIR") else None)
    if chosen is None:
        raise MpforgeError(
            f"{at}: require() needs a micropython-lib checkout: pass lib=DIR or set MPY_LIB_DIR", 2
        )
    if not chosen.is_dir():
        raise MpforgeError(f"{at}: no such directory: {shown(chosen)} (micropython-lib)", 2)
    return chosen
