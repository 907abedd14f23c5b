# requires: classes
# MicroPython's str has only the methods in py/objstr.c's table: no title, zfill,
# ljust, rjust, capitalize, swapcase, isalnum, casefold, expandtabs (CPython has
# them all). The methods it has are present.
s = "abc"
for name in ("title", "zfill", "ljust", "rjust", "capitalize", "swapcase", "isalnum",
             "casefold", "expandtabs", "format_map", "removeprefix"):
    print(name, hasattr(s, name))
for name in ("find", "rfind", "index", "rindex", "join", "split", "rsplit", "splitlines",
             "startswith", "endswith", "strip", "lstrip", "rstrip", "format", "replace",
             "count", "partition", "rpartition", "center", "lower", "upper", "isspace",
             "isalpha", "isdigit", "isupper", "islower", "encode"):
    print(name, hasattr(s, name))
