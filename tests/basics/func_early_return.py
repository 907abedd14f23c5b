# return from inside loops and branches
def find_first_multiple(n, limit):
    for i in range(1, limit):
        if i % n == 0:
            return i
    return -1

print(find_first_multiple(7, 100), find_first_multiple(7, 5))

def first_square_above(x):
    i = 0
    while True:
        if i * i > x:
            return i
        i += 1

print(first_square_above(50), first_square_above(0))

def sign(n):
    if n > 0:
        return 1
    if n < 0:
        return -1
    return 0

print(sign(5), sign(-5), sign(0))

def nested_search(target):
    for i in range(10):
        for j in range(10):
            if i * j == target:
                return i * 10 + j
    return None

print(nested_search(12), nested_search(81), nested_search(97))

def bare_return(x):
    if x:
        return
    print("not returned early")

print(bare_return(1))
print(bare_return(0))
