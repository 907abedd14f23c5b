# requires: datatypes
# for/while with break, continue and else inside functions; nested loops.
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            break
    else:
        return -1
    return i


def primes(n):
    out = []
    k = 2
    while len(out) < n:
        for p in out:
            if k % p == 0:
                break
        else:
            out.append(k)
        k += 1
    return out


def skip_odd(n):
    total = 0
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        total += i
    else:
        total = -total
    return total


print(find([3, 1, 4, 1, 5], 4), find([3, 1], 9), primes(10), skip_odd(10))
