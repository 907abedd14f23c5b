# del of names (global, local, cell), attributes, subscripts, slices and tuples of them.
g = 1
h = [1, 2, 3, 4, 5]
del g
del h[0]
del h[1:3]
del h[:], h
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["b"]
del (d["c"])
del d

class O:
    pass

o = O()
o.x = 1
o.y = 2
del o.x
del o.y, o

def locals_del(n):
    a = n
    b = [n, n]
    del a
    del b[0], b
    c = n
    def inner():
        return c
    del c
    return inner

def global_del():
    global gg
    gg = 1
    del gg

def loop_del(items):
    for item in items:
        del item
    e = items
    del (e)
    [f, g2] = 1, 2
    del (f, g2)
