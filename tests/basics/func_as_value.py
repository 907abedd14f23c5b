def double(x):
    return x * 2
def apply(f, x):
    return f(f(x))
g = double
print(apply(g, 3), apply(lambda v: v - 1, 10), g is double)
