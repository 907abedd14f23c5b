"""The disassembler: what is inside an .mpy file, as records, as text and as JSON.

`module_info` returns plain records (like CPython's `dis.get_instructions`), `dis_text`
renders them for people and `dis_json` for tools; the CLI (`mpforge dis`) only picks
one. Every field comes from `load_mpy`'s CompiledModule and the decoders in
`prelude` and `bytecode`; nothing here reads the file itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import format as fmt
from . import opcodes as op
from .bytecode import Instruction, decode_instructions, safe_prelude
from .mpyfile import FUN_TABLE, CompiledModule, ConstObj, RawCode, float_repr, load_mpy
from .prelude import decode_line_info

KIND_NAMES = {
    fmt.CODE_BYTECODE: "bytecode",
    fmt.CODE_NATIVE_PY: "native",
    fmt.CODE_NATIVE_VIPER: "viper",
    fmt.CODE_NATIVE_ASM: "asm",
}
SCOPE_FLAG_NAMES = (
    (fmt.SCOPE_FLAG_GENERATOR, "generator"),
    (fmt.SCOPE_FLAG_VARKEYWORDS, "varkeywords"),
    (fmt.SCOPE_FLAG_VARARGS, "varargs"),
    (fmt.SCOPE_FLAG_DEFKWARGS, "defkwargs"),
)


@dataclass(frozen=True)
class InstructionInfo:
    offset: int  # from the start of the bytecode (after the prelude)
    size: int
    opcode: int
    opname: str
    arg: int | None  # as decoded: index, value, operand, or absolute jump target
    argrepr: str  # the argument for people: qstr text, constant value, child name...
    line: int  # source line, from the line table
    is_jump_target: bool
    data: bytes


@dataclass(frozen=True)
class PreludeInfo:
    n_state: int
    n_exc_stack: int
    scope_flags: int
    n_pos_args: int
    n_kwonly_args: int
    n_def_pos_args: int
    arg_names: tuple[str, ...]
    cells: tuple[int, ...]
    line_table: tuple[tuple[int, int], ...]  # (bytecode offset, line)
    code_offset: int  # where the bytecode starts in the function's data


@dataclass(frozen=True)
class RawCodeInfo:
    path: str  # "0" for the module, "0.2.1" for the second child of its third child
    name: str
    kind: str
    file_offset: int
    size: int
    prelude: PreludeInfo | None  # bytecode and native Python code
    instructions: tuple[InstructionInfo, ...]
    children: tuple[RawCodeInfo, ...] = field(default=())


@dataclass(frozen=True)
class ModuleInfo:
    source: str  # the file the module was read from
    version: int
    arch: str
    small_int_bits: int
    feature_flags: int
    qstrs: tuple[str, ...]
    objs: tuple[ConstObj, ...]
    root: RawCodeInfo


def const_repr(obj: ConstObj) -> str:
    """A constant as MicroPython would print its repr."""
    if isinstance(obj, float):
        return getattr(obj, "mpy_text", None) or float_repr(obj)
    if isinstance(obj, tuple):
        inner = ", ".join(const_repr(o) for o in obj)
        return f"({inner},)" if len(obj) == 1 else f"({inner})"
    if obj is Ellipsis:
        return "Ellipsis"
    return repr(obj)


def const_type(obj: ConstObj) -> str:
    if obj is FUN_TABLE:
        return "fun_table"
    if obj is Ellipsis:
        return "ellipsis"
    for kind in (bool, int, float, complex, str, bytes, tuple):
        if isinstance(obj, kind):
            return kind.__name__
    return "None" if obj is None else type(obj).__name__


def _argrepr(module: CompiledModule, rc: RawCode, ins: Instruction) -> str:
    if ins.arg is None:
        return ""
    if ins.opcode in op.HAS_QSTR:
        return module.qstrs[ins.arg]
    if ins.opcode in op.HAS_CONST:
        return const_repr(module.objs[ins.arg])
    if ins.opcode in op.HAS_CHILD:
        child = rc.children[ins.arg]
        text = f"child {ins.arg} ({_raw_code_name(module, child)})"
        return text if ins.extra is None else f"{text}, {ins.extra} closed over"
    if ins.is_jump:
        text = f"to {ins.arg}"
        return text if ins.extra is None else f"{text}, unwind {ins.extra & 0x7F}"
    if ins.name.startswith("CALL_"):
        return f"{ins.arg & 0xFF} positional, {ins.arg >> 8} keyword"
    rng = op.multi_range_of(ins.opcode)
    if rng is op.UNARY_OP_MULTI:
        return op.UNARY_OPS[ins.arg] if ins.arg < len(op.UNARY_OPS) else str(ins.arg)
    if rng is op.BINARY_OP_MULTI:
        return op.BINARY_OPS[ins.arg]
    return str(ins.arg)


def _raw_code_name(module: CompiledModule, rc: RawCode) -> str:
    if rc.kind == fmt.CODE_BYTECODE:
        return module.qstrs[safe_prelude(rc.fun_data).name_index]
    if rc.kind == fmt.CODE_NATIVE_PY:
        return module.qstrs[safe_prelude(rc.fun_data[rc.prelude_offset :]).name_index]
    return f"<{KIND_NAMES[rc.kind]}>"


def _raw_code_info(module: CompiledModule, rc: RawCode, path: str) -> RawCodeInfo:
    prelude = None
    instructions: list[InstructionInfo] = []
    if rc.kind in (fmt.CODE_BYTECODE, fmt.CODE_NATIVE_PY):
        data = rc.fun_data if rc.kind == fmt.CODE_BYTECODE else rc.fun_data[rc.prelude_offset :]
        pre = safe_prelude(data)
        sig = pre.signature
        lines = tuple(decode_line_info(pre.line_info))
        prelude = PreludeInfo(
            n_state=sig.n_state,
            n_exc_stack=sig.n_exc_stack,
            scope_flags=sig.scope_flags,
            n_pos_args=sig.n_pos_args,
            n_kwonly_args=sig.n_kwonly_args,
            n_def_pos_args=sig.n_def_pos_args,
            arg_names=tuple(module.qstrs[i] for i in pre.arg_name_indices),
            cells=pre.cells,
            line_table=lines,
            code_offset=pre.code_offset,
        )
        if rc.kind == fmt.CODE_BYTECODE:
            code = data[pre.code_offset :]
            decoded = decode_instructions(code)
            targets = {ins.arg for ins in decoded if ins.is_jump}
            line_of = _line_lookup(lines)
            instructions = [
                InstructionInfo(
                    offset=ins.offset,
                    size=ins.size,
                    opcode=ins.opcode,
                    opname=ins.name,
                    arg=ins.arg,
                    argrepr=_argrepr(module, rc, ins),
                    line=line_of(ins.offset),
                    is_jump_target=ins.offset in targets,
                    data=code[ins.offset : ins.offset + ins.size],
                )
                for ins in decoded
            ]
    return RawCodeInfo(
        path=path,
        name=_raw_code_name(module, rc),
        kind=KIND_NAMES[rc.kind],
        file_offset=rc.file_offset,
        size=len(rc.fun_data),
        prelude=prelude,
        instructions=tuple(instructions),
        children=tuple(
            _raw_code_info(module, child, f"{path}.{i}") for i, child in enumerate(rc.children)
        ),
    )


def _line_lookup(lines: tuple[tuple[int, int], ...]):
    def line_of(offset: int) -> int:
        line = 1
        for at, new_line in lines:
            if at > offset:
                break
            line = new_line
        return line

    return line_of


def module_info(module: CompiledModule, source: str = "<mpy>") -> ModuleInfo:
    """Everything in `module` as records (the module must have passed load_mpy)."""
    return ModuleInfo(
        source=source,
        version=fmt.MPY_VERSION,
        arch=module.arch_name,
        small_int_bits=module.small_int_bits,
        feature_flags=module.feature_flags,
        qstrs=tuple(module.qstrs),
        objs=tuple(module.objs),
        root=_raw_code_info(module, module.root, "0"),
    )


def load_info(path: Path) -> ModuleInfo:
    """Read and describe an .mpy file; a bad file raises MpforgeError `FILE: offset N: ...`."""
    from ..errors import MpforgeError

    try:
        data = path.read_bytes()
    except OSError as err:
        raise MpforgeError(f"{path}: cannot read: {err.strerror}") from None
    return module_info(load_mpy(data, str(path)), str(path))


def find_source(mpy_path: Path, info: ModuleInfo) -> Path | None:
    """The .py beside the .mpy, by the file's own name or the source name it records."""
    candidates = [mpy_path.with_suffix(".py")]
    if info.qstrs:
        candidates.append(mpy_path.parent / Path(info.qstrs[0]).name)
    return next((c for c in candidates if c.is_file()), None)


# -- text ------------------------------------------------------------------------------


def _flags_text(flags: int) -> str:
    names = [name for bit, name in SCOPE_FLAG_NAMES if flags & bit]
    return ", ".join(names) if names else "none"


def _raw_code_text(rc: RawCodeInfo, source_lines: list[str] | None, out: list[str]) -> None:
    out.append("")
    out.append(
        f"raw code {rc.path}: {rc.name} ({rc.kind}, {rc.size} bytes at file offset "
        f"{rc.file_offset})"
    )
    pre = rc.prelude
    if pre is not None:
        out.append(
            f"  prelude: n_state {pre.n_state}, n_exc_stack {pre.n_exc_stack}, "
            f"flags {_flags_text(pre.scope_flags)}"
        )
        out.append(
            f"  args: {pre.n_pos_args} positional ({pre.n_def_pos_args} with defaults), "
            f"{pre.n_kwonly_args} keyword-only: {', '.join(pre.arg_names) or '-'}"
        )
        out.append(f"  cells: {', '.join(map(str, pre.cells)) or '-'}")
        table = " ".join(f"{o}:{line}" for o, line in pre.line_table)
        out.append(f"  line table (offset:line): {table or '-'}")
    if rc.children:
        names = ", ".join(f"{i}: {c.name}" for i, c in enumerate(rc.children))
        out.append(f"  children: {names}")
    if rc.instructions:
        out.append(f"  bytecode (from data offset {pre.code_offset if pre else 0}):")
    last_line = None
    for ins in rc.instructions:
        if source_lines is not None and ins.line != last_line:
            text = source_lines[ins.line - 1] if 0 < ins.line <= len(source_lines) else ""
            out.append(f"  {ins.line:>5}| {text.rstrip()}")
            last_line = ins.line
        mark = ">>" if ins.is_jump_target else "  "
        hexes = " ".join(f"{b:02x}" for b in ins.data)
        line = f"  {mark}{ins.offset:>5}  {hexes:<15} {ins.opname}"
        if ins.argrepr:
            line += f" {ins.argrepr}"
        out.append(line.rstrip())
    for child in rc.children:
        _raw_code_text(child, source_lines, out)


def dis_text(info: ModuleInfo, source_lines: list[str] | None = None) -> str:
    """The readable dump; with `source_lines`, each line's source precedes its code."""
    out = [
        f"mpy file {info.source}",
        f"header: version {info.version}, arch {info.arch}, small int bits "
        f"{info.small_int_bits}, feature flags {info.feature_flags}",
        f"qstrs ({len(info.qstrs)}):",
    ]
    out += [f"  {i:>4}: {text!r}" for i, text in enumerate(info.qstrs)]
    out.append(f"constants ({len(info.objs)}):")
    out += [f"  {i:>4}: {const_type(obj)} {const_repr(obj)}" for i, obj in enumerate(info.objs)]
    _raw_code_text(info.root, source_lines, out)
    return "\n".join(out) + "\n"


# -- JSON ------------------------------------------------------------------------------


def const_json(obj: ConstObj) -> dict[str, object]:
    """A constant as JSON: its type and a value JSON can hold exactly."""
    kind = const_type(obj)
    if isinstance(obj, tuple):
        return {"type": kind, "items": [const_json(o) for o in obj]}
    if isinstance(obj, bytes):
        return {"type": kind, "hex": obj.hex()}
    if isinstance(obj, float | complex):
        return {"type": kind, "repr": const_repr(obj)}
    if obj is Ellipsis or obj is FUN_TABLE:
        return {"type": kind}
    return {"type": kind, "value": obj}


def _raw_code_json(rc: RawCodeInfo) -> dict[str, object]:
    pre = rc.prelude
    return {
        "path": rc.path,
        "name": rc.name,
        "kind": rc.kind,
        "file_offset": rc.file_offset,
        "size": rc.size,
        "prelude": None
        if pre is None
        else {
            "n_state": pre.n_state,
            "n_exc_stack": pre.n_exc_stack,
            "scope_flags": pre.scope_flags,
            "flags": [name for bit, name in SCOPE_FLAG_NAMES if pre.scope_flags & bit],
            "n_pos_args": pre.n_pos_args,
            "n_kwonly_args": pre.n_kwonly_args,
            "n_def_pos_args": pre.n_def_pos_args,
            "arg_names": list(pre.arg_names),
            "cells": list(pre.cells),
            "line_table": [list(p) for p in pre.line_table],
            "code_offset": pre.code_offset,
        },
        "instructions": [
            {
                "offset": ins.offset,
                "size": ins.size,
                "opcode": ins.opcode,
                "opname": ins.opname,
                "arg": ins.arg,
                "argrepr": ins.argrepr,
                "line": ins.line,
                "jump_target": ins.is_jump_target,
                "hex": ins.data.hex(),
            }
            for ins in rc.instructions
        ],
        "children": [_raw_code_json(c) for c in rc.children],
    }


def dis_json(info: ModuleInfo) -> dict[str, object]:
    return {
        "file": info.source,
        "version": info.version,
        "arch": info.arch,
        "small_int_bits": info.small_int_bits,
        "feature_flags": info.feature_flags,
        "qstrs": list(info.qstrs),
        "constants": [const_json(o) for o in info.objs],
        "root": _raw_code_json(info.root),
    }
