# Long string literals: the ones mpy-cross knows as built-in names become qstrs,
# the others constant objects.
builtin_names = [
    'StopAsyncIteration',
    'UnicodeError',
    'ViperTypeError',
    '__build_class__',
    '__contains__',
    '__repl_print__',
    '__reversed__',
    '__traceback__',
    'bound_method',
    'heap_unlock',
    'intersection',
    'intersection_update',
    'maximum recursion depth exceeded',
    'symmetric_difference',
    'symmetric_difference_update',
    'unpack_from',
    'vcvt_f32_s32',
    'vcvt_s32_f32',
]
others = ["not a builtin name", "another_long_identifier_like", "ZeroDivisionError"]
def uses_name_first():
    long_local_name_here = 1
    return "long_local_name_here"
print(len(builtin_names), others, uses_name_first())
