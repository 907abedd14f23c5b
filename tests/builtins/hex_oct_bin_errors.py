# requires: builtins, exceptions, datatypes
for fn in (hex, oct, bin):
    for bad in ("1", None, [1]):
        try:
            fn(bad)
        except TypeError:
            print(fn.__name__ if hasattr(fn, "__name__") else "fn", "TypeError")
