# requires: builtins, exceptions
for bad in ("", "ab"):
    try:
        ord(bad)
    except TypeError:
        print("TypeError", len(bad))
try:
    chr(-1)
except ValueError:
    print("ValueError")
try:
    chr(0x110000)
except ValueError:
    print("ValueError")
try:
    chr("a")
except TypeError:
    print("TypeError")
