# requires: builtins, exceptions
for bad in ("s", None, [], {}):
    try:
        abs(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
