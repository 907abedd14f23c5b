# while loops: counting, break, continue, else
n = 5
while n > 0:
    print(n)
    n -= 1
print("done", n)

i = 0
total = 0
while i < 20:
    i += 1
    if i % 3 == 0:
        continue
    if i > 14:
        break
    total += i
print(i, total)

k = 0
while k < 3:
    k += 1
else:
    print("else ran", k)

k = 0
while True:
    k += 1
    if k == 4:
        break
else:
    print("never")
print("broke at", k)

a = 0
while a < 3:
    b = 0
    while b < 3:
        if b == a:
            b += 1
            continue
        print(a, b)
        b += 1
    a += 1
