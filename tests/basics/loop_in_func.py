# loops with break inside functions keep locals and the stack consistent
def search(limit, target):
    hits = 0
    for i in range(limit):
        for j in range(limit):
            if i + j == target:
                hits += 1
                break
            if j > target:
                break
    return hits

print(search(5, 3), search(10, 4), search(3, 100))

def loop_vars():
    last = None
    for i in range(3):
        last = i
    for k in range(10, 0, -4):
        last = last + k
    return last

print(loop_vars())

def mixed(n):
    i = 0
    out = 0
    while i < n:
        for j in range(i):
            if j == 3:
                break
            out += j
        i += 1
    return out

print(mixed(1), mixed(6), mixed(10))
