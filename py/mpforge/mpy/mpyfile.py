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
from .mpfloat import complex_repr, float_repr
from .static_qstrs import STATIC_QSTR_INDEX, STATIC_QSTRS

# A constant object as held in Python: str, bytes, int, float, complex, tuple (of
# constants), Ellipsis, None, True, False or FUN_TABLE.
ConstObj = object


class _FunTable:
    """The native-code function table entry (tag 0) of a native module's constants."""

    _instance: _FunTable | None = None

    def __new__(cls) -> _FunTable:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<fun_table>"


FUN_TABLE = _FunTable()


class FloatConst(float):
    """A float read from a file, with the text the file spelled it in.

    MicroPython's float formatting is not Python's (near the subnormal range it can
    pick another of the strings that parse to the same value); writing the text back
    as read keeps a round trip byte-identical.
    """

    mpy_text: str

    def __new__(cls, text: str) -> FloatConst:
        obj = super().__new__(cls, text)
        obj.mpy_text = text
        return obj


class ComplexConst(complex):
    """A complex read from a file, with its text (see FloatConst)."""

    mpy_text: str

    def __new__(cls, text: str) -> ComplexConst:
        obj = super().__new__(cls, text)
        obj.mpy_text = text
        return obj


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
    # viper code of dynamic native modules (mpy_ld.py) only
    rodata: bytes = b""
    bss_size: int = 0
    reloc: bytes = b""  # the relocation stream as stored, 0xff terminator included
    # where fun_data starts in the file it was read from, for error messages
    file_offset: int = field(default=0, compare=False)


@dataclass
class CompiledModule:
    qstrs: list[str]
    objs: list[ConstObj]
    root: RawCode
    small_int_bits: int = fmt.DEFAULT_SMALL_INT_BITS
    feature_flags: int = 0
    arch: int = 0

    @property
    def arch_name(self) -> str:
        return fmt.NATIVE_ARCHS[self.arch] if self.arch < len(fmt.NATIVE_ARCHS) else str(self.arch)

    def raw_codes(self) -> list[RawCode]:
        """Every raw code, depth first, parents before children."""
        out: list[RawCode] = []
        todo = [self.root]
        while todo:
            rc = todo.pop()
            out.append(rc)
            todo.extend(reversed(rc.children))
        return out


# -- number text, as MicroPython's repr writes it -----------------------------------


def _number_text(obj: ConstObj) -> tuple[int, str]:
    if isinstance(obj, bool):
        raise TypeError("bool is not a number constant")
    if isinstance(obj, int):
        return fmt.OBJ_INT, fmt.int_to_decimal(obj)
    if isinstance(obj, FloatConst | ComplexConst):
        return (fmt.OBJ_FLOAT if isinstance(obj, float) else fmt.OBJ_COMPLEX), obj.mpy_text
    if isinstance(obj, float):
        return fmt.OBJ_FLOAT, float_repr(obj)
    if isinstance(obj, complex):
        return fmt.OBJ_COMPLEX, complex_repr(obj)
    raise TypeError(f"cannot store {type(obj).__name__} in an .mpy constant table")


# -- writer ------------------------------------------------------------------------


def _save_qstr(out: bytearray, text: str) -> None:
    index = STATIC_QSTR_INDEX.get(text)
    if index is not None:
        out += fmt.encode_uint(index << 1 | 1)
        return
    data = fmt.str_to_bytes(text)
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
    elif obj is FUN_TABLE:
        out.append(fmt.OBJ_FUN_TABLE)
    elif isinstance(obj, str | bytes):
        data = fmt.str_to_bytes(obj) if isinstance(obj, str) else obj
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
    if rc.kind == fmt.CODE_NATIVE_VIPER:
        if rc.scope_flags & fmt.SCOPE_FLAG_VIPERRODATA:
            out += fmt.encode_uint(len(rc.rodata))
        if rc.scope_flags & fmt.SCOPE_FLAG_VIPERBSS:
            out += fmt.encode_uint(rc.bss_size)
        out += rc.rodata
    if rc.children:
        out += fmt.encode_uint(len(rc.children))
        for child in rc.children:
            _save_raw_code(out, child)
    # persistentcode.c relocates after loading the children
    out += rc.reloc


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
#
# Every error is `SOURCE: offset N: what is wrong`, N the byte where the reader found
# it. Every count is checked against the bytes left before anything is built from it,
# so a corrupt count cannot make the reader allocate or loop beyond the file's size.

MAX_NESTING = 64  # tuples in tuples, functions in functions


class _Reader:
    def __init__(self, data: bytes, source: str) -> None:
        self.data = data
        self.pos = 0
        self.source = source

    def fail(self, what: str, at: int | None = None) -> MpforgeError:
        return mpy_error(self.source, self.pos if at is None else at, what)

    @property
    def left(self) -> int:
        return len(self.data) - self.pos

    def byte(self) -> int:
        if self.pos >= len(self.data):
            raise self.fail("truncated: file ends early")
        self.pos += 1
        return self.data[self.pos - 1]

    def bytes(self, n: int) -> bytes:
        if n > self.left:
            raise self.fail(f"truncated: {n} bytes needed, {self.left} left")
        self.pos += n
        return self.data[self.pos - n : self.pos]

    def uint(self) -> int:
        start = self.pos
        value = 0
        for _ in range(fmt.MAX_UINT_BYTES):
            b = self.byte()
            value = (value << 7) | (b & 0x7F)
            if not b & 0x80:
                return value
        raise self.fail("corrupt: variable-length integer too long", start)

    def count(self, what: str, min_bytes_each: int = 1) -> int:
        """A count of items that take at least `min_bytes_each` bytes each."""
        start = self.pos
        n = self.uint()
        if n * min_bytes_each > self.left:
            raise self.fail(f"corrupt: {n} {what}, but only {self.left} bytes left", start)
        return n


def mpy_error(source: str, offset: int, what: str) -> MpforgeError:
    return MpforgeError(f"{source}: offset {offset}: {what}")


def _load_qstr(r: _Reader) -> str:
    start = r.pos
    n = r.uint()
    if n & 1:
        index = n >> 1
        if not 1 <= index <= len(STATIC_QSTRS):
            raise r.fail(f"corrupt: static qstr {index} out of range", start)
        return STATIC_QSTRS[index - 1]
    text = r.bytes(n >> 1)
    if r.byte() != 0:
        raise r.fail("corrupt: qstr not NUL-terminated", r.pos - 1)
    return fmt.bytes_to_str(text)


_SIMPLE_OBJS = {
    fmt.OBJ_NONE: None,
    fmt.OBJ_FALSE: False,
    fmt.OBJ_TRUE: True,
    fmt.OBJ_ELLIPSIS: Ellipsis,
    fmt.OBJ_FUN_TABLE: FUN_TABLE,
}


def _load_obj(r: _Reader, depth: int = 0) -> ConstObj:
    start = r.pos
    tag = r.byte()
    if tag in _SIMPLE_OBJS:
        return _SIMPLE_OBJS[tag]
    if depth > MAX_NESTING:
        raise r.fail("corrupt: constant tuples nested too deeply", start)
    if tag == fmt.OBJ_TUPLE:
        return tuple(_load_obj(r, depth + 1) for _ in range(r.count("tuple items")))
    if tag in (fmt.OBJ_STR, fmt.OBJ_BYTES):
        data = r.bytes(r.uint())
        if r.byte() != 0:
            raise r.fail("corrupt: constant not NUL-terminated", r.pos - 1)
        if tag == fmt.OBJ_BYTES:
            return data
        return fmt.bytes_to_str(data)
    if tag in (fmt.OBJ_INT, fmt.OBJ_FLOAT, fmt.OBJ_COMPLEX):
        text = r.bytes(r.uint()).decode("ascii", "replace")
        try:
            if tag == fmt.OBJ_INT:
                return int(text)
            if tag == fmt.OBJ_FLOAT:
                return FloatConst(text)
            return ComplexConst(text)
        except ValueError:
            raise r.fail(f"corrupt: bad number constant {text[:40]!r}", start) from None
    raise r.fail(f"corrupt: unknown constant tag {tag}", start)


def _load_reloc(r: _Reader) -> bytes:
    """The relocation stream of dynamic viper code (persistentcode.c's mp_native_relocate)."""
    start = r.pos
    while True:
        op = r.byte()
        if op == 0xFF:
            return r.data[start : r.pos]
        if op & 1:
            r.uint()
        op >>= 1
        if op <= 5 and op & 1:
            r.uint()


def _load_raw_code(r: _Reader, depth: int = 0) -> RawCode:
    start = r.pos
    if depth > MAX_NESTING:
        raise r.fail("corrupt: functions nested too deeply")
    head = r.uint()
    kind = (head & 3) + fmt.CODE_BYTECODE
    rc = RawCode(kind=kind, fun_data=b"", file_offset=r.pos)
    rc.fun_data = r.bytes(head >> 3)
    if kind == fmt.CODE_NATIVE_PY:
        rc.prelude_offset = r.uint()
        if rc.prelude_offset > len(rc.fun_data):
            raise r.fail("corrupt: native prelude offset beyond the code", start)
    elif kind in (fmt.CODE_NATIVE_VIPER, fmt.CODE_NATIVE_ASM):
        rc.scope_flags = r.uint()
        if kind == fmt.CODE_NATIVE_ASM:
            rc.n_pos_args = r.uint()
            rc.type_sig = r.uint()
    if kind == fmt.CODE_NATIVE_VIPER:
        n_rodata = r.uint() if rc.scope_flags & fmt.SCOPE_FLAG_VIPERRODATA else 0
        if rc.scope_flags & fmt.SCOPE_FLAG_VIPERBSS:
            rc.bss_size = r.uint()
        rc.rodata = r.bytes(n_rodata)
    if head & 4:
        rc.children = [_load_raw_code(r, depth + 1) for _ in range(r.count("children"))]
    if kind == fmt.CODE_NATIVE_VIPER and rc.scope_flags & fmt.SCOPE_FLAG_VIPERRELOC:
        rc.reloc = _load_reloc(r)
    return rc


def check_header(data: bytes, source: str) -> None:
    """Refuse anything but an .mpy v6 header, saying what made the file and what to do."""
    if len(data) < 4:
        raise mpy_error(source, len(data), "truncated: no complete .mpy header")
    if data[0] != fmt.MPY_MAGIC:
        what = "not an .mpy file (no 'M' header)"
        if data[2:4] == b"\r\n":
            what += "; it looks like a CPython .pyc"
        raise mpy_error(source, 0, what)
    version = data[1]
    if version != fmt.MPY_VERSION:
        maker = fmt.VERSION_MAKERS.get(version)
        made = f"made by {maker}" if maker else "not made by any MicroPython release"
        raise mpy_error(
            source,
            1,
            f".mpy format version {version} ({made}), this firmware needs version "
            f"{fmt.MPY_VERSION}: {fmt.REBUILD_HINT}",
        )
    arch = data[2] >> fmt.FEATURE_ARCH_SHIFT
    if arch >= len(fmt.NATIVE_ARCHS):
        raise mpy_error(source, 2, f"corrupt: unknown native architecture {arch}")
    if arch and data[2] & fmt.FEATURE_FLAGS_MASK:
        # v1.20 onwards store a sub-version here for native code (.mpy 6.1, 6.2, ...)
        raise mpy_error(
            source,
            2,
            f"native code of .mpy format 6.{data[2] & fmt.FEATURE_FLAGS_MASK} "
            f"(made by mpy-cross v1.20 or later), this firmware needs 6: {fmt.REBUILD_HINT}",
        )


def check_arch(module: CompiledModule, source: str, arch: str = "none") -> None:
    """Refuse native code for an architecture other than `arch` ("none": bytecode only)."""
    if module.arch == 0 or module.arch_name == arch:
        return
    flag = f"-march={module.arch_name}"
    needs = "bytecode only" if arch == "none" else f"native code for {arch}"
    raise mpy_error(
        source,
        2,
        f"native code for {module.arch_name} (made by mpy-cross {flag} with native/viper "
        f"code), this firmware runs {needs}: rebuild it without -X emit=native and "
        "@micropython.native/viper, with `mpforge compile` (or mpy-cross v1.19)",
    )


def load_mpy(
    data: bytes, source: str = "<mpy>", *, arch: str | None = None, check_code: bool = True
) -> CompiledModule:
    """Parse an .mpy v6 file; a bad file raises MpforgeError `SOURCE: offset N: ...`.

    `arch` ("none" for bytecode only, or an architecture name) refuses native code for
    any other architecture. `check_code` also decodes every bytecode function (prelude
    and instructions, indices into the tables, jump targets) so that consumers of the
    module can walk it without meeting garbage.
    """
    check_header(data, source)
    r = _Reader(data, source)
    r.pos = 4
    n_qstr = r.count("qstrs")
    n_obj = r.count("constants")
    qstrs = [_load_qstr(r) for _ in range(n_qstr)]
    objs = [_load_obj(r) for _ in range(n_obj)]
    root = _load_raw_code(r)
    if r.pos != len(data):
        raise r.fail(f"corrupt: {r.left} bytes of trailing data")
    module = CompiledModule(
        qstrs=qstrs,
        objs=objs,
        root=root,
        small_int_bits=data[3],
        feature_flags=data[2] & fmt.FEATURE_FLAGS_MASK,
        arch=data[2] >> fmt.FEATURE_ARCH_SHIFT,
    )
    if arch is not None:
        check_arch(module, source, arch)
    if check_code:
        from .bytecode import check_module  # the decoder needs this module's types

        check_module(module, source)
    return module
