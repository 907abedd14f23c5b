# Generators: bare yield, yield values, yield as an expression, yield from, send,
# throw/close, return with value, generators that close over cells, try in generators.
def simple():
    yield 1
    yield 2
    yield

def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"

def echo():
    received = None
    while True:
        received = yield received
        if received is None:
            break

def delegate():
    result = yield from countdown(3)
    yield result
    yield from [7, 8]
    yield from range(2)

def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

def closure_gen(start):
    def step():
        return start
    for i in range(3):
        yield step() + i

def yield_in_expr():
    x = (yield 1) + (yield 2)
    y = [(yield), (yield 3)]
    print((yield))
    return x, y

def gen_of_gens():
    yield (i for i in range(2))

g = echo()
next(g)
g.send(5)
acc = accumulate()
next(acc)
acc.send(3)
print(list(simple()), list(countdown(3)), list(delegate()), list(with_finally()))
print(list(closure_gen(10)), list(next(gen_of_gens())))
