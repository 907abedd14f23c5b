# for over range() with constant steps (compiled into counting loops)
for i in range(5):
    print(i)
for i in range(2, 6):
    print(i)
for i in range(10, 0, -3):
    print(i)
for i in range(0, 20, 7):
    print(i)
for i in range(5, -6, -5):
    print(i)
for _ in range(3, 3):
    print("never")
for _ in range(3, 0):
    print("never")
for _ in range(0, 3, -1):
    print("never")
print("last", i)
s = 0
for i in range(101):
    s += i
print(s)
