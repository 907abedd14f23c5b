# requires: exceptions, generators
def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 99
    finally:
        print("gen finally")
g = gen()
print(next(g))
print(g.throw(ValueError("inj")))
g.close()
print("closed")
