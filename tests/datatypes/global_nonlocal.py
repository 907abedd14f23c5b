# requires: datatypes
counter = 0
def inc():
    global counter
    counter += 1
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 10
    inner()
    inner()
    return n
inc()
inc()
print(counter, outer())
