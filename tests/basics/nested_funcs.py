# functions defined inside functions, reading enclosing variables
def outer(x):
    def inner(y):
        return x + y
    return inner(10) + inner(20)

print(outer(1), outer(-5))

def counter_demo(n):
    def double(v):
        return v * 2
    total = 0
    for i in range(n):
        total += double(i)
    return total

print(counter_demo(5))

def make_adder(k):
    def add(v):
        return v + k
    return add

add3 = make_adder(3)
add7 = make_adder(7)
print(add3(1), add7(1), add3(add7(0)))

def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            return a + b
        return level3()
    return level2()

print(level1())
