# requires: generators, datatypes
# Generators that call plain functions, and plain functions that drive
# generators with next, send and a for loop.
def square(x):
    return x * x


def squares(n):
    for i in range(n):
        yield square(i)


def running_total():
    total = 0
    while True:
        x = yield total
        total += square(x)


def drive(values):
    g = running_total()
    next(g)
    out = [g.send(v) for v in values]
    g.close()
    return out


print(list(squares(5)), sum(squares(4)), drive([1, 2, 3]))
