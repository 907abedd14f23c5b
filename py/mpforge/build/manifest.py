"""Frozen-module manifests: a YAML mapping whose `modules:` lists .py files.

Paths are relative to the manifest file; each module is frozen under its file name
(main.py -> main, pkg/util.py -> util).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import MpforgeError
from .board import display_path


@dataclass(frozen=True)
class FrozenModule:
    name: str
    path: Path
    # the name compiled into the module (tracebacks say File "main.py")
    source_name: str


def load_manifest(path: Path) -> list[FrozenModule]:
    shown = display_path(path)
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except OSError as err:
        raise MpforgeError(f"{shown}: cannot read manifest: {err.strerror}", 2) from None
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else 1
        raise MpforgeError(f"{shown}:{line}: {err.problem}", 2) from None

    def fail(at: yaml.Node | None, key: str, what: str) -> MpforgeError:
        line = at.start_mark.line + 1 if at is not None else 1
        return MpforgeError(f"{shown}:{line}: {key}: {what}", 2)

    if not isinstance(node, yaml.MappingNode):
        raise fail(node, "modules", "a manifest is a mapping with a `modules:` list")
    modules_node = None
    for knode, vnode in node.value:
        if knode.value != "modules":
            raise fail(knode, str(knode.value), "unknown key (known here: modules)")
        modules_node = vnode
    if not isinstance(modules_node, yaml.SequenceNode):
        raise fail(modules_node or node, "modules", "expected a list of .py files")
    out: list[FrozenModule] = []
    seen: dict[str, Path] = {}
    for i, item in enumerate(modules_node.value):
        if not isinstance(item, yaml.ScalarNode) or not item.value.endswith(".py"):
            raise fail(item, f"modules[{i}]", "expected a .py file name")
        file = (path.parent / item.value).resolve()
        if not file.is_file():
            raise fail(item, f"modules[{i}]", f"no such file {display_path(file)}")
        name = file.stem
        if name in seen:
            raise fail(item, f"modules[{i}]", f"module {name!r} is already frozen")
        seen[name] = file
        out.append(FrozenModule(name=name, path=file, source_name=file.name))
    return out
