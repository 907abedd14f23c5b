# requires: generators, exceptions
def g():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("got", e)
it = g()
print(next(it), it.throw(ValueError("one")), it.throw(ValueError("two")))
try:
    it.throw(KeyError("k"))
except KeyError:
    print("KeyError escaped")
