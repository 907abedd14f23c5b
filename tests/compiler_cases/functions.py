counter = 0

def bump(step=1, extra=0):
    global counter
    counter += step + extra
    return counter

def outer(x):
    y = x * 2
    def inner(z):
        return y + z
    return inner(1)

def make_adder(n):
    def add(m):
        nonlocal n
        n += m
        return n
    return add

print(bump(), bump(5), bump(extra=2), counter)
print(outer(10), make_adder(3)(4))
print("a", "b", sep="-", end="!\n")
s = "x"
print(s.upper(), s.join("ab"))
def many(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r):
    return a + r
print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18))
