# requires: datatypes
print("a\nb\nc".splitlines(), "a\n\nb\n".splitlines(), "".splitlines(), "one".splitlines())
print("x\r\ny\rz".splitlines(), "a\nb".splitlines(True))
