# Augmented, chained, tuple/list unpacking and starred assignment, at module level
# (names), in functions (fast locals) and on attributes and subscripts.
a = b = c = 5
x, y = 1, 2
x, y = y, x
p, q, r = r0 = (3, 4, 5)
[m, n] = [6, 7]
(i, (j, k)) = (1, (2, 3))
[i, [j, k]] = 1, [2, 3]
first, *rest = [1, 2, 3, 4]
*init, last = range(5)
head, *mid, tail = "abcdef"
(*whole,) = (1, 2)
a += 1
a -= 2
a *= 3
a //= 2
a /= 1
a %= 7
a **= 2
b <<= 3
b >>= 1
b &= 0xFF
b |= 0x100
b ^= 0x0F
c @= 1 if False else 0
lst = [0, 1, 2, 3]
lst[0] += 10
lst[1:3] = [9, 9]
lst[-1] *= 2

class Box:
    pass

box = Box()
box.v = 1
box.v += 1
box.w = box.v = 3

def locals_forms(seq):
    u = v = w = 0
    u, v = v, u
    u, v, w = v, w, u
    s, *t = seq
    *t2, s2 = seq
    a1, (b1, *c1), d1 = 1, (2, 3, 4), 5
    u += 1
    v -= u
    w *= v
    seq[0] += 1
    seq[1] -= 1
    seq[u:v] = t
    d = {}
    d["k"] = d["j"] = 1
    d["k"] += 5
    return u, v, w, s, t, t2, s2, a1, b1, c1, d1, d

def two_swaps(a, b, c):
    a, b = b, a
    a, b, c = c, b, a
    a, b, c, d = 1, 2, 3, 4
    return a, b, c, d

print(a, b, c, x, y, p, q, r, r0, m, n, first, rest, init, last, head, mid, tail, whole, lst)
print(locals_forms([1, 2, 3, 4]), two_swaps(1, 2, 3), box.v, box.w)
