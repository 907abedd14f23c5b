# requires: datatypes
# Chained comparisons, `and`/`or` returning operands, `not`, and conditional
# expressions inside functions.
def between(a, x, b):
    return a < x <= b


def chain(a, b, c, d):
    return a == b != c < d


def pick(a, b):
    return a and b, a or b, not a, (a if b else "no")


for args in ((1, 2, 3), (1, 1, 3), (3, 4, 4), (0, 5, 2)):
    print(between(*args), chain(args[0], args[0], args[1], args[2]))
for a, b in ((0, 1), (2, 0), ("", "x"), ([1], None)):
    print(pick(a, b))
