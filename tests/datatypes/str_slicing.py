# requires: float, datatypes
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7], s[::2], s[1::3], s[::-1], s[8:2:-2], s[5:5])
print(s[-100:3], s[3:100], s[100:], repr(s[5:2]), s[-1], s[0])
u = "\u00e9a\u20acb"
print(u[1:3], u[::-1], u[-1], len(u[1:]))
