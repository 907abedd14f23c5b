# requires: builtins, generators
def g():
    yield 1
it = g()
print(next(it, None), next(it, None), next(it, "done"))
print(next(iter(""), "empty"))
