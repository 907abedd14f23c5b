# requires: builtins, float
for c in "aZ09 ~":
    print(c, ord(c), chr(ord(c)))
print(chr(65) + chr(97), ord("\n"), ord("\t"))
print(ord("\u00e9"), chr(233), ord("\u20ac"), chr(8364), len(chr(0x1F600)))
s = ""
i = 97
while i < 123:
    s = s + chr(i)
    i = i + 1
print(s)
