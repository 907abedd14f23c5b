for i in range(10, 0, -3):
    print(i)
for i in range(-2, 3):
    print(i * i)
