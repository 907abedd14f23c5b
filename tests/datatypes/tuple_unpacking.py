# requires: datatypes
a, b, c = 1, 2, 3
print(a, b, c)
a, b = b, a
print(a, b)
x, *rest = [1, 2, 3, 4]
*init, last = "abcd"
p, *mid, q = range(5)
print(x, rest, init, last, p, mid, q)
(m, n), o = (1, 2), 3
print(m, n, o)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
