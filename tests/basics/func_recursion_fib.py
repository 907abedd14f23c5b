# naive and iterative Fibonacci agree
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def fib_iter(n):
    a = 0
    b = 1
    for _ in range(n):
        t = a + b
        a = b
        b = t
    return a

for i in range(15):
    print(i, fib(i), fib_iter(i))
print(fib(20))
print(fib_iter(40))
