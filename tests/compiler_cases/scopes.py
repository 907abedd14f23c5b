# global/nonlocal declarations, closures over parameters and locals, cells shared by
# several inner functions, class bodies seeing (not) the enclosing function.
G = 0
H = 1

def set_global(v):
    global G, H
    G = v
    H += v
    return G + H

def read_global():
    return G * H

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

def param_cell(a, b):
    def f():
        return a + b
    a = a * 2
    return f

def three_levels(x):
    def mid(y):
        def inner(z):
            nonlocal y
            y += 1
            return x + y + z
        return inner
    return mid

def late_binding():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    return fs

def loop_cell():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for v in range(4):
        add(v)
    return total

def class_in_func(v):
    w = v + 1
    class K:
        attr = v
        def meth(self):
            return w
    return K

def global_in_nested():
    def inner():
        global G
        G = 42
    inner()
    return G

def shadow(G):
    return G

def cell_and_del():
    c = 1
    def read():
        return c
    c = 2
    return read()

print(set_global(3), read_global(), counter()[0](), param_cell(1, 2)(), three_levels(1)(2)(3))
print([f() for f in late_binding()], loop_cell(), class_in_func(1)().meth(), global_in_nested())
print(shadow(5), cell_and_del())
