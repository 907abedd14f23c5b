# break and continue in for loops, nested loops, for-else
for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i)

for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j)

for _i in range(4):
    pass
else:
    print("else after", _i)

for i in range(4):
    if i == 1:
        break
else:
    print("never")
print("stopped", i)

found = -1
for n in range(2, 50):
    is_prime = True
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            is_prime = False
            break
    if not is_prime:
        continue
    if n > 40:
        found = n
        break
print("first prime above 40:", found)
