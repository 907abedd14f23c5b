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
from .schema import BOARD_SCHEMA, MCU_SCHEMA, Schema

ROOT = Path(__file__).resolve().parents[3]

_SIZE_RE = re.compile(r"^(\d+)\s*([KM]?)$")
_IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# STM32 port letter and number; the RP2040's GP0..GP29; the ESP8266's GPIO0..GPIO16
_PIN_RE = re.compile(r"^(P[A-K](1[0-5]|[0-9])|GP([12]?[0-9])|GPIO(1[0-6]|[0-9]))$")
_USB_RE = re.compile(r"^[0-9a-fA-F]{4}:[0-9a-fA-F]{4}$")


def pin_number(pin: str | int) -> int:
    """The number machine.Pin gives a pin: PB6 is 16 * port + bit, GP25 and GPIO2 their
    number, a number itself."""
    if isinstance(pin, int):
        return pin
    if pin.startswith("GPIO"):
        return int(pin[4:])
    if pin.startswith("GP"):
        return int(pin[2:])
    return 16 * (ord(pin[1]) - ord("A")) + int(pin[2:])


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
    "pin": (
        lambda v: v if (isinstance(v, str) and _PIN_RE.match(v)) or (_is_int(v) and v >= 0) else None,
        "a pin like PB6, GP0 or GPIO2, or a pin number",
    ),
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
        if kind == "table":
            if not isinstance(node, yaml.MappingNode):
                return self._wrong(node, key, "a mapping of names")
            table: dict[str, Any] = {}
            for knode, vnode in node.value:
                name = self.constructor.construct_object(knode, deep=True)
                full = f"{key}.{name}"
                if not isinstance(name, str) or not _IDENT_RE.match(name):
                    raise self.fail(knode, full, "expected a name (letters, digits, _)")
                if name in table:
                    raise self.fail(knode, full, "given twice")
                table[name] = self.check(vnode, schema["value"], full)
            return table
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


def load_checked(
    path: Path, schema: Schema = BOARD_SCHEMA
) -> tuple[dict[str, Any], yaml.Node | None]:
    """Parse and schema-check one board, MCU or port file; returns values and the root node."""
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
    return checker.check(root, schema, ""), root


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
    """A validated board: `config` is the merged mapping the templates receive.

    `name` is the board's name, `build_name` what its build directory is called
    (NAME, or NAME-VARIANT for a variant).
    """

    name: str
    port: str
    path: Path
    config: dict[str, Any] = field(hash=False)
    variant: str = ""

    @property
    def build_name(self) -> str:
        return f"{self.name}-{self.variant}" if self.variant else self.name

    def get(self, dotted: str, default: Any = None) -> Any:
        value: Any = self.config
        for part in dotted.split("."):
            if not isinstance(value, dict) or part not in value:
                return default
            value = value[part]
        return value


def board_names(board_dir: Path | None = None) -> list[str]:
    return sorted(p.stem for p in (board_dir or ROOT / "boards").glob("*.yaml"))


def _value_line(root: yaml.Node | None, key: str) -> int:
    for knode, vnode in root.value if isinstance(root, yaml.MappingNode) else ():
        if knode.value == key:
            return vnode.start_mark.line + 1
    return 1


def mcu_names(port_dir: Path) -> list[str]:
    return sorted(p.stem for p in (port_dir / "mcu").glob("*.yaml"))


def _load_mcu(mcu: str, port_dir: Path, where: str, line: int) -> dict[str, Any]:
    path = port_dir / "mcu" / f"{mcu}.yaml"
    if not path.is_file():
        known = ", ".join(mcu_names(port_dir)) or "none"
        raise MpforgeError(
            f"{where}:{line}: mcu: no MCU {mcu!r} in {display_path(port_dir / 'mcu')}/ "
            f"(known: {known})",
            2,
        )
    values, _ = load_checked(path, MCU_SCHEMA)
    values.pop("part", None)
    return values


def _resolve_console(merged: dict[str, Any], where: str, root: yaml.Node | None) -> None:
    """Fill the console's register facts (base, bus, enable) from the MCU's UART table."""
    console = merged.get("console")
    if console is None:
        return
    uarts: dict[str, Any] = merged.get("uarts", {})
    spec = uarts.get(console["uart"])
    if spec is None:
        if "base" in console:
            return  # a board that names its UART's registers itself
        known = ", ".join(sorted(uarts)) or "none"
        line = _line_of(root, ["console", "uart"])
        raise MpforgeError(
            f"{where}:{line}: console.uart: {console['uart']!r} is not a UART of "
            f"{merged.get('mcu', 'this MCU')} (UARTs: {known})",
            2,
        )
    merged["console"] = {**spec, **console}


def load_board(
    name: str,
    board_dir: Path | None = None,
    ports_dir: Path | None = None,
    variant: str = "",
) -> Board:
    """Load boards/NAME.yaml over its MCU and its port's defaults (and `variant` over it).

    A mistake raises MpforgeError naming the file and line.
    """
    board_dir = board_dir or ROOT / "boards"
    ports_dir = ports_dir or ROOT / "ports"
    path = board_dir / f"{name}.yaml"
    if not _IDENT_RE.match(name) or not path.is_file():
        known = ", ".join(board_names(board_dir)) or "none"
        raise MpforgeError(
            f"unknown board {name!r}: boards in {display_path(board_dir)}/ are: {known}", 2
        )
    where = display_path(path)
    values, root = load_checked(path)
    port = values.get("port")
    if port is None:
        raise MpforgeError(f"{where}:1: port: required key missing", 2)
    port_file = ports_dir / port / "port.yaml"
    if not port_file.is_file():
        known = ", ".join(sorted(p.parent.name for p in ports_dir.glob("*/port.yaml")))
        raise MpforgeError(
            f"{where}:{_value_line(root, 'port')}: port: no port {port!r} (ports: {known})", 2
        )
    defaults, _ = load_checked(port_file)
    merged = defaults
    mcu = values.get("mcu")
    if mcu is not None:
        merged = _merge(merged, _load_mcu(mcu, ports_dir / port, where, _value_line(root, "mcu")))
    variants: dict[str, Any] = values.pop("variants", {})
    merged = _merge(merged, values)
    if variant:
        if variant not in variants:
            known = ", ".join(sorted(variants)) or "none"
            raise MpforgeError(
                f"{where}: variant {variant!r} is not declared (variants: {known})", 2
            )
        merged = _merge(merged, variants[variant])
    merged.setdefault("name", name)
    merged["variants"] = sorted(variants)
    _check_required(merged, BOARD_SCHEMA, [], where, root)
    _resolve_console(merged, where, root)
    return Board(name=name, port=port, path=path, config=merged, variant=variant)
