def adder(k):
    def add(x):
        return x + k
    return add
a5 = adder(5)
a9 = adder(9)
print(a5(1), a9(1), adder(-3)(3))
