# requires: generators, datatypes
def numbers():
    for i in range(1, 20):
        yield i
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def squared(src):
    for x in src:
        yield x * x
print(list(squared(evens(numbers()))))
