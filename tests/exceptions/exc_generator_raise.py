# requires: exceptions, generators
def gen():
    yield 1
    raise ValueError("in gen")
g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
try:
    next(g)
except StopIteration:
    print("exhausted")
