# requires: exceptions
for exc in (ValueError, TypeError, IndexError, KeyError):
    try:
        raise exc("x")
    except (ValueError, TypeError):
        print("first", exc.__name__)
    except LookupError:
        print("lookup", exc.__name__)
