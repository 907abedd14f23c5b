# constant folding as the parser does it
a = 1 + 2 * 3 - 4 // 2
b = -5 % 3, 7 // -2, -(3 ** 2), ~7, +4
c = 1 << 40
d = 2 ** 100
e = 2 ** 100 % 1000000007
f = (1 << 62) - 1 + 1
g = 10 / 2
h = 5 // 0 if a else 0
i = 1 and 2 or 3
j = not 0
k = not (1 - 1)
l = 0 or 0 or a
m = True and a
n = (1, 2, "x", None, True, (3, 4))
o = ()
p = 1,
q = 2 ** -1
r = 1 >> -1 if a else 0
s = 3 ** 2 ** 2
print(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s)
