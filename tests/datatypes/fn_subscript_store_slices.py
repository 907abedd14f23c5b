# requires: datatypes
# Subscript loads, stores and deletes in functions: lists, dicts, bytearrays,
# slices with steps, negative indices, slice assignment that resizes.
def rotate(xs, k):
    return xs[k:] + xs[:k]


def fill(n):
    b = bytearray(n)
    for i in range(n):
        b[i] = (i * 37) & 0xFF
    return b


def edit(xs):
    xs[1:3] = [9, 9, 9]
    del xs[0]
    xs[-1] = 0
    xs[::2] = [7] * len(xs[::2])
    return xs


def count(words):
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    del d["b"]
    return sorted(d.items())


print(rotate([1, 2, 3, 4], 1), list(fill(5)), edit([1, 2, 3, 4, 5]))
print(count("a b a c b a".split()), "hello"[::-1], (1, 2, 3)[-2:], range(10)[2:8:3])
