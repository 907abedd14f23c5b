# requires: datatypes
s = list(range(10))
print(s[2:5], s[-3:], s[:-7], s[::3], s[8:2:-2])
s[1:3] = ["a", "b", "c"]
print(s)
del s[::2]
print(s, "abcdef"[1:4], "abcdef"[::-1])
