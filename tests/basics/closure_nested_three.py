def outer(a):
    def middle(b):
        def inner(c):
            return a * 100 + b * 10 + c
        return inner
    return middle
print(outer(1)(2)(3), outer(9)(0)(9))
