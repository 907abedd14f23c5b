# requires: generators
def g():
    yield 1
it = g()
print(iter(it) is it, type(it).__name__)
print(list(it), list(it))
