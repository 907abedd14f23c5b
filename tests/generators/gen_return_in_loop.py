# requires: generators, exceptions
def first_neg(seq):
    for v in seq:
        if v < 0:
            return v
        yield v
it = first_neg([1, 2, -3, 4])
print(list(it))
def g():
    x = yield from first_neg([5, -1])
    yield "ret", x
print(list(g()))
