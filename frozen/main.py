# Frozen into every firmware by default: `scons board=PYBV10 run` prints this.
print("Hello from mpforge!")


def fib(n):
    a = 0
    b = 1
    for _ in range(n):
        t = a + b
        a = b
        b = t
    return a


total = 0
for i in range(10):
    total += i * i
print("sum of squares below 10:", total)
print("fib(20) =", fib(20))
