"""Long names mpy-cross v1.19 has built in, beyond the .mpy static qstrs.

A string literal longer than 10 bytes becomes a qstr (LOAD_CONST_STRING) only if the
compiler already knows it as one; otherwise it is a constant object. mpy-cross knows
its own qstr pool, so these strings must be treated as known from the start. The
list was found by probing the reference: compiling each long string in its binary
and keeping those it emitted as qstrs.
"""

MPY_CROSS_LONG_QSTRS: frozenset[str] = frozenset(
    {
        "StopAsyncIteration",
        "UnicodeError",
        "ViperTypeError",
        "__build_class__",
        "__contains__",
        "__repl_print__",
        "__reversed__",
        "__traceback__",
        "bound_method",
        "heap_unlock",
        "intersection",
        "intersection_update",
        "maximum recursion depth exceeded",
        "symmetric_difference",
        "symmetric_difference_update",
        "unpack_from",
        "vcvt_f32_s32",
        "vcvt_s32_f32",
    }
)
