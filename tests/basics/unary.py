# unary minus, plus and invert
a = 5
print(-a, +a, ~a, -(-a), --a, -+-a)  # noqa: B002
b = -17
print(-b, +b, ~b)
print(~0, ~-1, -0)
print(-(2 ** 28), ~(2 ** 28))
print(-True, +False, ~True)
c = 3
c = -c * -c
print(c)
print(-c // 2, -(c // 2))
