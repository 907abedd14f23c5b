# requires: generators, datatypes
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
print(take(5, naturals()), take(3, (x * x for x in naturals() if x % 2)))
