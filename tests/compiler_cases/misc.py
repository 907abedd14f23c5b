# __file__, __name__, walrus, conditional expressions, chained comparisons, is/is not,
# in/not in, boolean operators, subscripts and slices (load, store, delete, augmented),
# pass/continue/break/else on loops, while-else, nested ifs and unary operators.
print(__file__, __name__)
seq = [1, 2, 3, 4, 5, 6]
if (n := len(seq)) > 3:
    print(n)
while (chunk := seq[:2]):
    seq = seq[2:]
values = [y for x in range(5) if (y := x * 2) > 2]
x = 1 if n else 2
y = "a" if x == 1 else "b" if x == 2 else "c"
ok = 0 < x < 10
ok2 = 0 <= x <= n < 100 != x
ok3 = x is not None and x is None or not x
inn = 3 in seq
notin = 3 not in seq
neg = -x
pos = +x
inv = ~x
nott = not x
both = x and y
either = x or y
chain = x and y or n and not x
seq = list(range(10))
seq[2] = 20
seq[1:3] = [7, 8, 9]
seq[::2] = [0] * len(seq[::2])
seq[-1] += 1
seq[1:2] += [5]
del seq[0]
del seq[1:3]
del seq[::3]
m = [[1, 2], [3, 4]]
m[0][1] = m[1][0]
m[1][1] += 1
d = {}
d[1, 2] = 3
d[1:2] if False else None
t = d[1, 2]
for i in range(3):
    if i == 1:
        continue
    pass
else:
    print("for-else")
while x < 3:
    x += 1
    if x == 10:
        break
else:
    print("while-else")
for i in range(3):
    for j in range(3):
        if j == i:
            break
    else:
        continue
    break

def walrus_in_func(data):
    if (k := len(data)) > 2:
        return k
    return [(z := v) for v in data], z

def chained_in_func(a, b, c):
    return a < b < c, a == b != c, a is b is not c, a in b not in c

def subscripts(o, i, j):
    o[i] = o[j]
    o[i:j] = o[j:i]
    o[i:j:2] = []
    del o[i], o[i:j]
    o[i] += o[j]
    o[i:j] *= 2
    return o[i, j], o[i:j, ::2], o[...]

print(__file__ is not None, values, x, y, ok, ok2, ok3, inn, notin, neg, pos, inv, nott)
print(both, either, chain, seq, m, d, t, walrus_in_func([1, 2, 3]))
