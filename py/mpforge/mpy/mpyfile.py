"""Reading and writing .mpy v6 files: one reader and one writer, field for field.

    header      'M', version 6, feature byte (flags | arch << 2), small-int bits
    n_qstr      var-uint, then n_obj var-uint
    qstrs       each: var-uint (index << 1 | 1) for a static qstr, or
                (len << 1) followed by the bytes and a NUL
    objects     each: a type tag byte and its payload (see format.OBJ_*)
    raw code    var-uint (len << 3 | has_children << 2 | kind - 2), the function's
                data, for native code its extra fields, then (if it has children)
                their count and each child, recursively
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import MpforgeError
from . import format as fmt
from .static_qstrs import STATIC_QSTR_INDEX, STATIC_QSTRS

# A constant object as held in Python: str, bytes, int, float, complex, tuple (of
# constants), Ellipsis, None, True or False.
ConstObj = object


@dataclass
class RawCode:
    kind: int
    fun_data: bytes
    children: list[RawCode] = field(default_factory=list)
    # native code only
    prelude_offset: int = 0
    scope_flags: int = 0
    n_pos_args: int = 0
    type_sig: int = 0


@dataclass
class CompiledModule:
    qstrs: list[str]
    objs: list[ConstObj]
    root: RawCode
    small_int_bits: int = fmt.DEFAULT_SMALL_INT_BITS
    feature_flags: int = 0
    arch: int = 0


# -- float and complex text, as MicroPython's repr writes them ---------------------


def float_repr(value: float) -> str:
    text = f"{value:.16g}"
    if text in ("inf", "-inf", "nan", "-nan"):
        return text
    if "." not in text and "e" not in text:
        text += ".0"
    return text


def _number_text(obj: ConstObj) -> tuple[int, str]:
    if isinstance(obj, bool):
        raise TypeError("bool is not a number constant")
    if isinstance(obj, int):
        return fmt.OBJ_INT, str(obj)
    if isinstance(obj, float):
        return fmt.OBJ_FLOAT, float_repr(obj)
    if isinstance(obj, complex):
        if obj.real == 0 and str(obj.real)[0] != "-":
            return fmt.OBJ_COMPLEX, float_repr(obj.imag).removesuffix(".0") + "j"
        imag = float_repr(obj.imag).removesuffix(".0")
        sign = "" if imag.startswith("-") else "+"
        return fmt.OBJ_COMPLEX, f"({float_repr(obj.real).removesuffix('.0')}{sign}{imag}j)"
    raise TypeError(f"cannot store {type(obj).__name__} in an .mpy constant table")


# -- writer ------------------------------------------------------------------------


def _save_qstr(out: bytearray, text: str) -> None:
    index = STATIC_QSTR_INDEX.get(text)
    if index is not None:
        out += fmt.encode_uint(index << 1 | 1)
        return
    data = text.encode()
    out += fmt.encode_uint(len(data) << 1)
    out += data + b"\0"


def _save_obj(out: bytearray, obj: ConstObj) -> None:
    if obj is None:
        out.append(fmt.OBJ_NONE)
    elif obj is False:
        out.append(fmt.OBJ_FALSE)
    elif obj is True:
        out.append(fmt.OBJ_TRUE)
    elif obj is Ellipsis:
        out.append(fmt.OBJ_ELLIPSIS)
    elif isinstance(obj, str | bytes):
        data = obj.encode() if isinstance(obj, str) else obj
        out.append(fmt.OBJ_STR if isinstance(obj, str) else fmt.OBJ_BYTES)
        out += fmt.encode_uint(len(data))
        out += data + b"\0"
    elif isinstance(obj, tuple):
        out.append(fmt.OBJ_TUPLE)
        out += fmt.encode_uint(len(obj))
        for item in obj:
            _save_obj(out, item)
    else:
        tag, text = _number_text(obj)
        out.append(tag)
        out += fmt.encode_uint(len(text))
        out += text.encode()


def _save_raw_code(out: bytearray, rc: RawCode) -> None:
    out += fmt.encode_uint(
        len(rc.fun_data) << 3 | bool(rc.children) << 2 | (rc.kind - fmt.CODE_BYTECODE)
    )
    out += rc.fun_data
    if rc.kind == fmt.CODE_NATIVE_PY:
        out += fmt.encode_uint(rc.prelude_offset)
    elif rc.kind in (fmt.CODE_NATIVE_VIPER, fmt.CODE_NATIVE_ASM):
        out += fmt.encode_uint(rc.scope_flags)
        if rc.kind == fmt.CODE_NATIVE_ASM:
            out += fmt.encode_uint(rc.n_pos_args)
            out += fmt.encode_uint(rc.type_sig)
    if rc.children:
        out += fmt.encode_uint(len(rc.children))
        for child in rc.children:
            _save_raw_code(out, child)


def save_mpy(module: CompiledModule) -> bytes:
    out = bytearray(
        [
            fmt.MPY_MAGIC,
            fmt.MPY_VERSION,
            module.feature_flags | module.arch << fmt.FEATURE_ARCH_SHIFT,
            module.small_int_bits,
        ]
    )
    out += fmt.encode_uint(len(module.qstrs))
    out += fmt.encode_uint(len(module.objs))
    for text in module.qstrs:
        _save_qstr(out, text)
    for obj in module.objs:
        _save_obj(out, obj)
    _save_raw_code(out, module.root)
    return bytes(out)


# -- reader ------------------------------------------------------------------------


class _Reader:
    def __init__(self, data: bytes, source: str) -> None:
        self.data = data
        self.pos = 0
        self.source = source

    def fail(self, what: str) -> MpforgeError:
        return MpforgeError(f"{self.source}: malformed .mpy file: {what} at byte {self.pos}")

    def byte(self) -> int:
        if self.pos >= len(self.data):
            raise self.fail("unexpected end of file")
        self.pos += 1
        return self.data[self.pos - 1]

    def bytes(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise self.fail("unexpected end of file")
        self.pos += n
        return self.data[self.pos - n : self.pos]

    def uint(self) -> int:
        try:
            value, self.pos = fmt.decode_uint(self.data, self.pos)
        except IndexError:
            raise self.fail("unexpected end of file") from None
        return value


def _load_qstr(r: _Reader) -> str:
    n = r.uint()
    if n & 1:
        index = n >> 1
        if not 1 <= index <= len(STATIC_QSTRS):
            raise r.fail(f"static qstr {index} out of range")
        return STATIC_QSTRS[index - 1]
    text = r.bytes(n >> 1)
    r.byte()  # NUL terminator
    try:
        return text.decode()
    except UnicodeDecodeError:
        raise r.fail("qstr is not UTF-8") from None


def _load_obj(r: _Reader) -> ConstObj:
    tag = r.byte()
    simple = {fmt.OBJ_NONE: None, fmt.OBJ_FALSE: False, fmt.OBJ_TRUE: True}
    if tag in simple:
        return simple[tag]
    if tag == fmt.OBJ_ELLIPSIS:
        return Ellipsis
    if tag == fmt.OBJ_TUPLE:
        return tuple(_load_obj(r) for _ in range(r.uint()))
    if tag in (fmt.OBJ_STR, fmt.OBJ_BYTES):
        data = r.bytes(r.uint())
        r.byte()
        if tag == fmt.OBJ_BYTES:
            return data
        try:
            return data.decode()
        except UnicodeDecodeError:
            raise r.fail("str constant is not UTF-8") from None
    if tag in (fmt.OBJ_INT, fmt.OBJ_FLOAT, fmt.OBJ_COMPLEX):
        text = r.bytes(r.uint()).decode("ascii", "replace")
        try:
            if tag == fmt.OBJ_INT:
                return int(text)
            if tag == fmt.OBJ_FLOAT:
                return float(text)
            return complex(text)
        except ValueError:
            raise r.fail(f"bad number constant {text!r}") from None
    if tag == fmt.OBJ_FUN_TABLE:
        raise r.fail("native function table reference (native code is not supported)")
    raise r.fail(f"unknown constant tag {tag}")


def _load_raw_code(r: _Reader, depth: int = 0) -> RawCode:
    if depth > 100:
        raise r.fail("raw code nested too deeply")
    head = r.uint()
    kind = (head & 3) + fmt.CODE_BYTECODE
    rc = RawCode(kind=kind, fun_data=r.bytes(head >> 3))
    if kind == fmt.CODE_NATIVE_PY:
        rc.prelude_offset = r.uint()
    elif kind in (fmt.CODE_NATIVE_VIPER, fmt.CODE_NATIVE_ASM):
        rc.scope_flags = r.uint()
        if kind == fmt.CODE_NATIVE_ASM:
            rc.n_pos_args = r.uint()
            rc.type_sig = r.uint()
    if head & 4:
        rc.children = [_load_raw_code(r, depth + 1) for _ in range(r.uint())]
    return rc


def load_mpy(data: bytes, source: str = "<mpy>") -> CompiledModule:
    """Parse an .mpy v6 file; a malformed file raises MpforgeError naming `source`."""
    r = _Reader(data, source)
    if len(data) < 4 or data[0] != fmt.MPY_MAGIC:
        raise MpforgeError(f"{source}: not an .mpy file (no 'M' header)")
    if data[1] != fmt.MPY_VERSION:
        raise MpforgeError(
            f"{source}: .mpy format version {data[1]}, expected {fmt.MPY_VERSION}: "
            "rebuild it with mpforge compile (or mpy-cross v1.19)"
        )
    r.pos = 4
    n_qstr = r.uint()
    n_obj = r.uint()
    qstrs = [_load_qstr(r) for _ in range(n_qstr)]
    objs = [_load_obj(r) for _ in range(n_obj)]
    root = _load_raw_code(r)
    if r.pos != len(data):
        raise r.fail("trailing data")
    return CompiledModule(
        qstrs=qstrs,
        objs=objs,
        root=root,
        small_int_bits=data[3],
        feature_flags=data[2] & fmt.FEATURE_FLAGS_MASK,
        arch=data[2] >> fmt.FEATURE_ARCH_SHIFT,
    )
