# requires: exceptions, generators
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
g = acc()
print(next(g))
for v in (1, 2, 3):
    print(g.send(v))
try:
    g.send(None)
except StopIteration:
    print("stopped")
