# integer + - * and operator precedence
a = 7
b = 3
print(a + b, a - b, a * b)
print(b - a, -a - b, a * -b)
print(a + b * 2, (a + b) * 2, a - b - 1, a - (b - 1))
print(2 * 3 + 4 * 5 - 6)
print(100 - 99 + 1000 * 0)
x = 12345
y = 678
print(x * y, x * y - y * x, x + y + x + y)
print(0 - 0, 0 * -5, -0)
