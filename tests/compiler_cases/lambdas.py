# Lambdas: no args, defaults, *args/**kw, kw-only, closures, nested, in default values.
l0 = lambda: 0
l1 = lambda x: x + 1
l2 = lambda x, y=2: x * y
l3 = lambda *a, **k: (a, k)
l4 = lambda x, *, k=1: x - k
l5 = lambda: (yield)
l6 = lambda x: lambda y: x + y
l7 = lambda x=lambda: 1: x()
l8 = lambda: None
l9 = lambda a, b, c=3, *d, e, f=6, **g: (a, b, c, d, e, f, g)
pairs = sorted([(1, "b"), (0, "a")], key=lambda p: p[1])

def maker(n):
    return lambda m: n * m

def cond_lambda(flag):
    return (lambda: 1) if flag else (lambda: 2)

def lambda_in_loop():
    return [lambda i=i: i for i in range(3)]

print(l0(), l1(1), l2(3), l3(1, k=2), l4(5), l6(1)(2), l7(), l8(), l9(1, 2, e=5), pairs)
print(maker(3)(4), cond_lambda(True)(), [f() for f in lambda_in_loop()])
