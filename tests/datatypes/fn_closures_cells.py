# requires: datatypes
# Closures: cells shared between a function and its inner functions, rebinding
# with nonlocal, closures created in a loop, a parameter captured as a cell.
def counter(start):
    n = start

    def inc(step=1):
        nonlocal n
        n += step
        return n

    def get():
        return n

    return inc, get


inc, get = counter(10)
inc()
inc(5)
print(get())


def makers():
    fns = []
    for i in range(4):
        def f(x, i=i):
            return x * i
        fns.append(f)
    return [fn(10) for fn in fns]


print(makers())


def captured(p):
    def inner():
        return p * 2
    p += 1
    return inner()


print(captured(4))


def shared():
    cells = []
    for k in range(3):
        cells.append(lambda: k)
    return [c() for c in cells]


print(shared())
