# Frozen into every firmware by default: `scons board=PYBV10 run` prints this.
print("Hello from mpforge!")


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


squares = [i * i for i in range(8)]
print("squares:", squares, "sum:", sum(squares))
print("fib(20) =", fib(20))
