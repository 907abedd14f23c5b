# def, call, return; falling off the end returns None
def add(a, b):
    return a + b

def greet(name):
    print("hello", name)

def nothing():
    pass

print(add(2, 3))
print(add(-1, 1), add(add(1, 2), add(3, 4)))
r = greet("world")
print(r)
print(nothing())

def three(a, b, c):
    return a * 100 + b * 10 + c

print(three(1, 2, 3), three(3, 2, 1))

def no_args():
    return 42

print(no_args() + no_args())
