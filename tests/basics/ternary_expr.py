def sign(n):
    return "pos" if n > 0 else "neg" if n < 0 else "zero"
print(sign(5), sign(-5), sign(0))
x = 3
print(x if x > 2 else -x, "yes" if "" else "no")
