# requires: builtins, exceptions
print(int(), int(7), int(-7), int("42"), int("-42"), int("  12  "), int("+5"))
print(int("ff", 16), int("0xff", 16), int("0o17", 8), int("0b101", 2), int("z", 36), int("10", 0))
print(int("0x1f", 0), int("0o7", 0), int("1_000"), int(True))
for bad in ("", "1.5", "abc", "0x", "12a"):
    try:
        int(bad)
    except ValueError:
        print("ValueError", repr(bad))
try:
    int("1", 1)
except ValueError:
    print("ValueError base")
try:
    int(None)
except TypeError:
    print("TypeError")
