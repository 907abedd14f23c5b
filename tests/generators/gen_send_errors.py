# requires: generators, exceptions
def g():
    yield 1
it = g()
try:
    it.send(5)
except TypeError:
    print("TypeError: can't send non-None to just-started generator")
print(it.send(None))
