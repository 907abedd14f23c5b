

x = 1

pass
y = (x +
     2)


def f(a,
      b):
    pass

    return (a
            + b)
print(f(x,
        y))
if x:
    pass
else:
    pass
z = 3; w = 4;
print(z, w)
