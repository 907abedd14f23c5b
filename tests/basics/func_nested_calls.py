# functions calling functions, arguments evaluated left to right
def trace(label, v):
    print("arg", label)
    return v

def square(x):
    return x * x

def sum_squares(a, b):
    return square(a) + square(b)

def hyp2(a, b):
    return sum_squares(a, b)

print(hyp2(3, 4))
print(sum_squares(trace("first", 1), trace("second", 2)))
print(square(square(square(2))))

def apply_twice(f, x):
    return f(f(x))

print(apply_twice(square, 3))

def inc(x):
    return x + 1

def compose_count(n):
    v = 0
    for _ in range(n):
        v = inc(v)
    return v

print(compose_count(10))
