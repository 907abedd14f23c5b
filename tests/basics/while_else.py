n = 0
while n < 3:
    n = n + 1
else:
    print("else ran", n)
while True:
    n = n + 1
    if n > 5:
        break
else:
    print("not printed")
print(n)
