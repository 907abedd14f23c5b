# requires: bigint
# ** binds tighter than unary minus and is right-associative
print(2 ** 10, 3 ** 4, 10 ** 0, 0 ** 0, 1 ** 100)
print(-2 ** 2, (-2) ** 2, (-2) ** 3)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
n = 5
e = 3
print(n ** e, -n ** e, n ** e ** 0)
print(2 ** 64, 7 ** 23)
