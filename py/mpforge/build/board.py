"""The board model: boards/NAME.yaml merged over ports/PORT/port.yaml, checked by schema.

Errors name the file and line of the offending node, `boards/X.yaml:LINE: key: what`,
which is why files are composed into yaml nodes (they carry marks) and checked
before any value is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import MpforgeError
from .schema import BOARD_SCHEMA, Schema

ROOT = Path(__file__).resolve().parents[3]

_SIZE_RE = re.compile(r"^(\d+)\s*([KM]?)$")
_IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_PIN_RE = re.compile(r"^P[A-K](1[0-5]|[0-9])$")
_USB_RE = re.compile(r"^[0-9a-fA-F]{4}:[0-9a-fA-F]{4}$")


def _as_size(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and (m := _SIZE_RE.match(value)):
        return int(m.group(1)) * {"": 1, "K": 1024, "M": 1024 * 1024}[m.group(2)]
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# type name -> (check returning the normalised value or None, what was expected)
TYPE_CHECKS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "str": (lambda v: v if isinstance(v, str) else None, "a string"),
    "int": (lambda v: v if _is_int(v) else None, "an integer"),
    "bool": (lambda v: v if isinstance(v, bool) else None, "true or false"),
    "address": (lambda v: v if _is_int(v) and 0 <= v < 1 << 32 else None, "a 32-bit address"),
    "size": (_as_size, "a size in bytes (e.g. 65536, 64K, 1M)"),
    "identifier": (
        lambda v: v if isinstance(v, str) and _IDENT_RE.match(v) else None,
        "a name (letters, digits, _)",
    ),
    "pin": (lambda v: v if isinstance(v, str) and _PIN_RE.match(v) else None, "a pin like PB6"),
    "usb_id": (
        lambda v: v.lower() if isinstance(v, str) and _USB_RE.match(v) else None,
        "VID:PID as 4+4 hex digits, e.g. 0483:df11",
    ),
}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"


def display_path(path: Path) -> str:
    """Repository-relative when inside the repository, so messages read `boards/X.yaml`."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


class _Checker:
    def __init__(self, path: Path) -> None:
        self.shown = display_path(path)
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node, key: str, what: str) -> MpforgeError:
        return MpforgeError(f"{self.shown}:{node.start_mark.line + 1}: {key}: {what}", 2)

    def check(self, node: yaml.Node, schema: Schema, key: str) -> Any:
        kind = schema["type"]
        if kind == "map":
            if not isinstance(node, yaml.MappingNode):
                return self._wrong(node, key, "a mapping of keys")
            keys: dict[str, Schema] = schema["keys"]
            out: dict[str, Any] = {}
            for knode, vnode in node.value:
                name = self.constructor.construct_object(knode, deep=True)
                full = f"{key}.{name}" if key else str(name)
                if name not in keys:
                    raise self.fail(
                        knode, full, f"unknown key (known here: {', '.join(sorted(keys))})"
                    )
                if name in out:
                    raise self.fail(knode, full, "given twice")
                out[name] = self.check(vnode, keys[name], full)
            return out
        if kind == "list":
            if not isinstance(node, yaml.SequenceNode):
                return self._wrong(node, key, "a list")
            return [
                self.check(item, schema["item"], f"{key}[{i}]") for i, item in enumerate(node.value)
            ]
        if not isinstance(node, yaml.ScalarNode):
            return self._wrong(node, key, TYPE_CHECKS[kind][1])
        raw = self.constructor.construct_object(node, deep=True)
        check, expected = TYPE_CHECKS[kind]
        value = check(raw)
        if value is None:
            raise self.fail(node, key, f"expected {expected}, got {_describe(raw)}")
        choices = schema.get("choices")
        if choices is not None and value not in choices:
            shown = ", ".join(str(c) for c in choices)
            raise self.fail(node, key, f"{value!r} is not one of: {shown}")
        return value

    def _wrong(self, node: yaml.Node, key: str, expected: str) -> Any:
        got = {yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list"}.get(type(node))
        if got is None:
            got = _describe(self.constructor.construct_object(node, deep=True))
        raise self.fail(node, key, f"expected {expected}, got {got}")


def load_checked(path: Path) -> tuple[dict[str, Any], yaml.Node | None]:
    """Parse and schema-check one board or port file; returns values and the root node."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise MpforgeError(f"{display_path(path)}: cannot read: {err.strerror}", 2) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else 1
        raise MpforgeError(f"{display_path(path)}:{line}: {err.problem}", 2) from None
    if root is None:
        return {}, None
    checker = _Checker(path)
    if not isinstance(root, yaml.MappingNode):
        raise checker.fail(root, "(top)", "expected a mapping of keys")
    return checker.check(root, BOARD_SCHEMA, ""), root


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _line_of(root: yaml.Node | None, parts: list[str]) -> int:
    """Line of the deepest key on `parts` present in the file (1 when none is)."""
    line = 1
    node = root
    for part in parts:
        if not isinstance(node, yaml.MappingNode):
            break
        for knode, vnode in node.value:
            if knode.value == part:
                line, node = knode.start_mark.line + 1, vnode
                break
        else:
            break
    return line


def _check_required(
    values: dict[str, Any], schema: Schema, parts: list[str], where: str, root: yaml.Node | None
) -> None:
    for name, sub in schema["keys"].items():
        full = ".".join([*parts, name])
        if name not in values:
            if sub.get("required"):
                line = _line_of(root, parts)
                raise MpforgeError(f"{where}:{line}: {full}: required key missing", 2)
            continue
        if sub["type"] == "map":
            _check_required(values[name], sub, [*parts, name], where, root)


@dataclass(frozen=True)
class Board:
    """A validated board: `config` is the merged mapping the templates receive."""

    name: str
    port: str
    path: Path
    config: dict[str, Any] = field(hash=False)

    def get(self, dotted: str, default: Any = None) -> Any:
        value: Any = self.config
        for part in dotted.split("."):
            if not isinstance(value, dict) or part not in value:
                return default
            value = value[part]
        return value


def board_names(board_dir: Path | None = None) -> list[str]:
    return sorted(p.stem for p in (board_dir or ROOT / "boards").glob("*.yaml"))


def load_board(name: str, board_dir: Path | None = None, ports_dir: Path | None = None) -> Board:
    """Load boards/NAME.yaml over its port's defaults; a mistake raises MpforgeError."""
    board_dir = board_dir or ROOT / "boards"
    ports_dir = ports_dir or ROOT / "ports"
    path = board_dir / f"{name}.yaml"
    if not _IDENT_RE.match(name) or not path.is_file():
        known = ", ".join(board_names(board_dir)) or "none"
        raise MpforgeError(
            f"unknown board {name!r}: boards in {display_path(board_dir)}/ are: {known}", 2
        )
    values, root = load_checked(path)
    port = values.get("port")
    if port is None:
        raise MpforgeError(f"{display_path(path)}:1: port: required key missing", 2)
    port_file = ports_dir / port / "port.yaml"
    if not port_file.is_file():
        known = ", ".join(sorted(p.parent.name for p in ports_dir.glob("*/port.yaml")))
        line = 1
        for knode, vnode in root.value if root is not None else ():
            if knode.value == "port":
                line = vnode.start_mark.line + 1
        raise MpforgeError(
            f"{display_path(path)}:{line}: port: no port {port!r} (ports: {known})", 2
        )
    defaults, _ = load_checked(port_file)
    merged = _merge(defaults, values)
    merged.setdefault("name", name)
    _check_required(merged, BOARD_SCHEMA, [], display_path(path), root)
    return Board(name=name, port=port, path=path, config=merged)
