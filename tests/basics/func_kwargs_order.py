def sub(a, b):
    return a - b
print(sub(10, 3), sub(b=10, a=3), sub(5, b=2))
