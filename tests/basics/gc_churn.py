# Allocates far more than any board's heap holds, keeping little of it alive: runs
# only with a collector that frees what is no longer referenced.
def work(n):
    total = 0
    kept = ''
    for i in range(n):
        s = 'abc' * (i % 50 + 1)
        t = s + 'x'
        total = total + len(t)
        if i % 1000 == 0:
            kept = kept + 'k'
    print(len(kept), kept)
    return total


def deep(n):
    if n == 0:
        return 'end'
    s = 'level' * 3
    r = deep(n - 1)
    return r if len(s) == 15 else 'broken'


print(work(30000))
print(deep(50))
