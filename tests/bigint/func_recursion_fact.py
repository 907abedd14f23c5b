# requires: bigint
# recursive factorial, deep enough to make big ints
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

for i in range(8):
    print(i, fact(i))
print(fact(25))
print(fact(60))

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

print(depth(50))  # a board's C stack allows some 70 nested calls (as MicroPython's pyboard)

def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

print(is_even(10), is_odd(10), is_even(7), is_odd(7))
