# requires: datatypes, exceptions
for fn in (lambda: b"a" + "b", lambda: b"abc"[10], lambda: bytes([300]), lambda: b"ab".index(b"z")):
    try:
        fn()
    except (TypeError, IndexError, ValueError) as e:
        print(type(e).__name__)
b = b"xyz"
try:
    b[0] = 1
except TypeError:
    print("TypeError immutable")
