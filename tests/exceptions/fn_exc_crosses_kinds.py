# requires: exceptions, generators, datatypes
# Exceptions pass between plain functions, functions with handlers and generators
# in both directions.
def plain(x):
    return 10 // x


def gen(xs):
    for x in xs:
        yield plain(x)


def consume(xs):
    out = []
    try:
        for v in gen(xs):
            out.append(v)
    except ZeroDivisionError:
        out.append("zde")
    return out


def with_finally(x):
    try:
        return plain(x)
    finally:
        print("finally", x)


print(consume([1, 2, 0, 5]))
print(with_finally(5))
try:
    with_finally(0)
except ZeroDivisionError:
    print("propagated")
