# requires: float
# Float arithmetic in loops: mixed int/float operands, division, powers,
# comparisons and accumulation.
def series(n):
    s = 0.0
    for k in range(1, n + 1):
        s += 1 / (k * k)
    return s


def mix(a, b):
    return a * 2 + b / 4 - (a - b) ** 2


def newton(x):
    g = x / 2
    for _ in range(20):
        g = (g + x / g) / 2
    return g


print("%.6f" % series(50), mix(3, 2.0), mix(1.5, 1), "%.9f" % newton(2.0))
print(7 / 2, 7.0 // 2, -7.5 % 2, 2 ** -1, 1e3 < 1001, 0.5 == 1 / 2)
