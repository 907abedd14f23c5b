# requires: exceptions, generators
def g():
    yield 1
    return 7
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value)
