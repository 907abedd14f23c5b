"""Turn compiled modules into C const data that the runtime executes in place."""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MpforgeError
from ..mpy import format as fmt
from ..mpy import opcodes as op
from ..mpy.mpfloat import parse_decimal
from ..mpy.mpyfile import CompiledModule, ComplexConst, FloatConst, RawCode
from ..mpy.prelude import decode_prelude, line_of_offset
from .qstrpool import QstrPool, runtime_qstrs
from .templating import c_ident, render

BYTES_PER_ROW = 12


@dataclass(frozen=True)
class ModuleStats:
    name: str
    n_raw_codes: int
    bytecode_bytes: int  # fun_data of every raw code: prelude and bytecode
    n_qstrs: int  # entries in the module's qstr table
    n_consts: int
    const_str_bytes: int


@dataclass(frozen=True)
class FreezeStats:
    modules: tuple[ModuleStats, ...]
    n_qstrs: int  # the whole pool, null included
    qstr_bytes: int  # text of the pool, without NULs

    @property
    def bytecode_bytes(self) -> int:
        return sum(m.bytecode_bytes for m in self.modules)


@dataclass(frozen=True)
class FreezeResult:
    files: dict[str, str]
    stats: FreezeStats


@dataclass
class _Row:
    data: list[int]
    comment: str = ""


@dataclass
class _Section:
    title: str
    rows: list[_Row] = field(default_factory=list)


def _rows(data: bytes, comment: str = "") -> list[_Row]:
    rows = [_Row(list(data[i : i + BYTES_PER_ROW])) for i in range(0, len(data), BYTES_PER_ROW)]
    if rows:
        rows[0].comment = comment
    return rows


def _instruction_length(code: bytes, pos: int) -> int:
    number = code[pos]
    form = op.arg_format(number)
    end = pos + 1
    if form in (op.ArgFormat.QSTR, op.ArgFormat.VAR_UINT):
        while code[end] & 0x80:
            end += 1
        end += 1
    elif form is op.ArgFormat.OFFSET:
        end += 2 if code[end] & 0x80 else 1
    if op.has_extra_byte(number):
        end += 1
    return end - pos


def _instruction_comment(code: bytes, pos: int, qstrs: list[str]) -> str:
    number = code[pos]
    rng = op.multi_range_of(number)
    if rng is op.LOAD_CONST_SMALL_INT_MULTI:
        return f"{rng.name} ({number - rng.base - op.SMALL_INT_MULTI_EXCESS})"
    if rng is not None:
        return f"{rng.name} {number - rng.base}"
    name = op.name_of(number)
    if number in op.HAS_QSTR:
        index, _ = fmt.decode_uint(code, pos + 1)
        return f"{name} {qstrs[index]}"
    return name


def _sections(rc: RawCode, qstrs: list[str]) -> list[_Section]:
    data = rc.fun_data
    pre = decode_prelude(data)
    pos = 0
    while data[pos] & 0x80:
        pos += 1
    sig_end = pos + 1
    pos = sig_end
    while data[pos] & 0x80:
        pos += 1
    size_end = pos + 1
    info_end = size_end + pre.n_info
    sections = [
        _Section("prelude signature", _rows(data[:sig_end])),
        _Section("prelude size", _rows(data[sig_end:size_end])),
        _Section(
            "names: function, arguments",
            _rows(data[size_end : pre.line_info_offset], qstrs[pre.name_index]),
        ),
        _Section("line table", _rows(data[pre.line_info_offset : info_end])),
        _Section("cells", _rows(data[info_end : pre.code_offset])),
    ]
    code = _Section("bytecode")
    pos = pre.code_offset
    while pos < len(data):
        n = _instruction_length(data, pos)
        code.rows.append(_Row(list(data[pos : pos + n]), _instruction_comment(data, pos, qstrs)))
        pos += n
    sections.append(code)
    return [s for s in sections if s.rows]


@dataclass
class _RawCodeOut:
    ident: str
    name: str
    line: int
    size: int
    sections: list[_Section]
    children: list[str]


FLOAT_IMPLS = ("double", "single", "none")


def _parsed(text: str, value: float) -> float:
    """`text` as the board's parser reads it: MicroPython's own (not correctly
    rounded) algorithm; `value` where the text is inf or nan."""
    text = text.strip()
    body = text.lstrip("+-")
    if body.lower() in ("inf", "nan", "infinity"):
        return value
    return math.copysign(parse_decimal(body), -1.0 if text.startswith("-") else 1.0)


def _board_float(value: float, float_impl: str) -> float:
    """The value a board of this precision holds for a float constant (one read from
    an .mpy file is the file's text, parsed as the board parses it)."""
    if isinstance(value, FloatConst):
        value = _parsed(value.mpy_text, value)
    if float_impl == "single" and math.isfinite(value):
        try:
            value = struct.unpack("<f", struct.pack("<f", value))[0]
        except OverflowError:
            value = math.copysign(math.inf, value)
    return value


def _float_literal(value: float) -> str:
    """A C expression with exactly this value (hex literals are exact)."""
    if math.isnan(value):
        return "NAN"
    if math.isinf(value):
        return "INFINITY" if value > 0 else "-INFINITY"
    return value.hex()


@dataclass
class _ConstSink:
    """ROM objects the constants of one module need, in the order C declares them."""

    float_impl: str
    strs: list[dict[str, object]] = field(default_factory=list)
    tuples: list[dict[str, object]] = field(default_factory=list)
    ints: list[dict[str, object]] = field(default_factory=list)
    floats: list[dict[str, object]] = field(default_factory=list)
    complexes: list[dict[str, object]] = field(default_factory=list)


def _const(
    module_name: str, module_ident: str, index: int | str, obj: object, out: _ConstSink
) -> str:
    """The C expression of one constant; strings, big ints, floats and tuples become ROM
    objects listed in `out` (a tuple after the tuples it holds, as C needs them declared)."""
    if obj is None:
        return "mpf_const_none"
    if obj is True:
        return "mpf_const_true"
    if obj is False:
        return "mpf_const_false"
    if isinstance(obj, str):
        ident = f"{module_ident}_const_str_{index}"
        out.strs.append(
            {
                "ident": ident,
                "len": len(obj.encode("utf-8", "surrogatepass")),
                "text": obj,
                "type": "mpf_type_str",
            }
        )
        return f"(mpf_obj_t)&{ident}"
    if isinstance(obj, bytes):
        ident = f"{module_ident}_const_bytes_{index}"
        out.strs.append({"ident": ident, "len": len(obj), "text": obj, "type": "mpf_type_bytes"})
        return f"(mpf_obj_t)&{ident}"
    if isinstance(obj, int) and -(2**30) <= obj < 2**30:
        return f"MPF_OBJ_NEW_SMALL_INT({obj})"
    if isinstance(obj, int):
        return _big_int(f"{module_ident}_const_int_{index}", int(obj), out.ints)
    if isinstance(obj, float) and out.float_impl != "none":
        ident = f"{module_ident}_const_float_{index}"
        value = _float_literal(_board_float(obj, out.float_impl))
        out.floats.append({"ident": ident, "value": value, "text": repr(obj)})
        return f"(mpf_obj_t)&{ident}"
    if isinstance(obj, complex) and out.float_impl != "none":
        real, imag = obj.real, obj.imag
        text = obj.mpy_text.strip() if isinstance(obj, ComplexConst) else ""
        if text[-1:] in ("j", "J") and "(" not in text:
            imag = _parsed(text[:-1], imag)  # an imaginary literal, as .mpy files hold them
        ident = f"{module_ident}_const_complex_{index}"
        real_c, imag_c = (_float_literal(_board_float(v, out.float_impl)) for v in (real, imag))
        out.complexes.append({"ident": ident, "real": real_c, "imag": imag_c, "text": repr(obj)})
        return f"(mpf_obj_t)&{ident}"
    if isinstance(obj, tuple):
        items = [
            _const(module_name, module_ident, f"{index}_{i}", item, out)
            for i, item in enumerate(obj)
        ]
        ident = f"{module_ident}_const_tuple_{index}"
        out.tuples.append({"ident": ident, "len": len(items), "items": items})
        return f"(mpf_obj_t)&{ident}"
    if obj is Ellipsis:
        return "(mpf_obj_t)&mpf_const_ellipsis_obj"
    kind = type(obj).__name__
    text = repr(obj) if len(repr(obj)) <= 40 else repr(obj)[:37] + "..."
    if isinstance(obj, float | complex):
        raise MpforgeError(
            f"module {module_name}: constant {text} ({kind}) cannot be frozen: the board has "
            "no floats (features: {float: none})"
        )
    raise MpforgeError(
        f"module {module_name}: constant {text} ({kind}) cannot be frozen yet: the C runtime "
        "has only None/True/False, Ellipsis, str, bytes, int, float, complex and tuple constants"
    )


def _big_int(ident: str, value: int, ints: list[dict[str, object]]) -> str:
    """An int beyond 31 bits as a ROM mpf_bigint_t (sign, 32-bit digits from the least
    significant). One that fits a 63-bit small int is a small int where words are 64
    bits: the runtime keeps every such value small, and the preprocessor chooses."""
    magnitude = abs(value)
    digits = []
    while magnitude:
        digits.append(f"0x{magnitude & 0xFFFFFFFF:08x}u")
        magnitude >>= 32
    word_fits = -(2**62) <= value < 2**62
    ints.append(
        {"ident": ident, "value": value, "neg": value < 0, "digits": digits, "word_fits": word_fits}
    )
    return f"{ident}_obj" if word_fits else f"(mpf_obj_t)&{ident}"


def _module_context(
    name: str, module: CompiledModule, pool: QstrPool, is_package: bool, float_impl: str
) -> dict[str, object]:
    ident = "mod_" + c_ident(name)
    qstr_ids = [pool.add(q) for q in module.qstrs]
    out = _ConstSink(float_impl)
    consts = [_const(name, ident, i, obj, out) for i, obj in enumerate(module.objs)]
    raw_codes: list[_RawCodeOut] = []
    counter = [0]

    def walk(rc: RawCode) -> str:
        if rc.kind != fmt.CODE_BYTECODE:
            raise MpforgeError(f"module {name}: native code cannot be frozen (bytecode only)")
        rc_ident = f"{ident}_rc_{counter[0]}"
        counter[0] += 1
        children = [walk(child) for child in rc.children]
        pre = decode_prelude(rc.fun_data)
        raw_codes.append(
            _RawCodeOut(
                ident=rc_ident,
                name=module.qstrs[pre.name_index],
                line=line_of_offset(pre.line_info, 0),
                size=len(rc.fun_data),
                sections=_sections(rc, module.qstrs),
                children=children,
            )
        )
        return rc_ident

    root = walk(module.root)
    return {
        "name": name,
        "is_package": is_package,
        "ident": ident,
        "source": module.qstrs[0] if module.qstrs else "",
        "qstrs": [{"id": i, "text": t} for i, t in zip(qstr_ids, module.qstrs, strict=True)],
        "consts": consts,
        "strs": out.strs,
        "tuples": out.tuples,
        "floats": out.floats,
        "complexes": out.complexes,
        "ints": out.ints,
        "raw_codes": raw_codes,
        "root": root,
    }


def freeze(
    modules: list[tuple[str, CompiledModule]],
    runtime_sources: list[Path],
    packages: set[str] | frozenset[str] = frozenset(),
    float_impl: str = "double",
) -> FreezeResult:
    """Generated file name -> content, and size statistics, for these modules.

    Names are dotted (`pkg.sub`); a name in `packages` is a package's `__init__`.
    `float_impl` is the board's float precision (features: {float: ...}): float
    constants become ROM objects of that precision.
    """
    if float_impl not in FLOAT_IMPLS:
        raise MpforgeError(f"float precision {float_impl!r} is not one of {', '.join(FLOAT_IMPLS)}")
    names = [name for name, _ in modules]
    if len(set(names)) != len(names):
        raise MpforgeError(f"a module is frozen twice: {sorted(names)}")
    pool = QstrPool()
    for text in runtime_qstrs(sorted(runtime_sources)):
        pool.add(text)
    contexts = [
        _module_context(name, module, pool, name in packages, float_impl)
        for name, module in modules
    ]
    stats = FreezeStats(
        modules=tuple(
            ModuleStats(
                name=ctx["name"],
                n_raw_codes=len(ctx["raw_codes"]),
                bytecode_bytes=sum(rc.size for rc in ctx["raw_codes"]),
                n_qstrs=len(ctx["qstrs"]),
                n_consts=len(ctx["consts"]),
                const_str_bytes=sum(s["len"] for s in ctx["strs"]),
            )
            for ctx in contexts
        ),
        n_qstrs=len(pool.strings),
        qstr_bytes=sum(len(s.encode("utf-8", "surrogatepass")) for s in pool.strings),
    )
    pool_rows = [
        {"id": i, "len": len(text.encode("utf-8", "surrogatepass")), "text": text}
        for i, text in enumerate(pool.strings)
    ]
    files = {
        "qstrdefs.generated.h": render(
            "qstrdefs.generated.h.j2",
            names=pool.enum_names(),
            n_static=pool.n_static,
            n_qstrs=len(pool.strings),
        ),
        "frozen_content.c": render(
            "frozen_content.c.j2", pool=pool_rows, modules=contexts, stats=stats
        ),
    }
    return FreezeResult(files=files, stats=stats)


def freeze_modules(
    modules: list[tuple[str, CompiledModule]], runtime_sources: list[Path]
) -> dict[str, str]:
    """Generated file name -> content (see `freeze` for the statistics too)."""
    return freeze(modules, runtime_sources).files
