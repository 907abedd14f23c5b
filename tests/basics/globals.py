# module globals read and written from functions
counter = 0
LIMIT = 3

def bump():
    global counter
    counter += 1
    return counter

def read_only():
    return counter * 10

def shadow():
    counter = 99
    return counter

print(bump(), bump(), read_only())
print(shadow(), counter)

def make_global():
    global created
    created = "made"

make_global()
print(created)

def loop_to_limit():
    total = 0
    for _ in range(LIMIT):
        total += bump()
    return total

print(loop_to_limit(), counter)
x = 1
x = x + 1
print(x)
