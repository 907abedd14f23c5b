x = 1073741823
print(x, x - 1, -x, x // 2, x % 1000)
y = 12345
print(y * 1000, y * y // y)
