# requires: exceptions
for fmt, args in (("{}", ()), ("{0} {}", (1, 2)), ("{", (1,)), ("}", (1,)), ("{5}", (1,))):
    try:
        fmt.format(*args)
        print("ok", fmt)
    except (IndexError, ValueError, KeyError) as e:
        print(type(e).__name__)
