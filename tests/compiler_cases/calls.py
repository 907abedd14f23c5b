# Calls: positional, keyword, * and ** unpacking in every order, method calls (with
# LOAD_METHOD), calls on subscripts and call results, super-long argument lists.
def f(*args, **kw):
    return args, kw

class C:
    def m(self, *a, **k):
        return a, k

obj = C()
args = (1, 2)
more = [3]
kw = {"x": 1}
kw2 = {"y": 2}
f()
f(1)
f(1, 2, 3)
f(a=1)
f(1, b=2)
f(*args)
f(0, *args)
f(*args, 9)
f(*args, *more)
f(**kw)
f(**kw, **kw2)
f(1, *args, k=1, **kw)
f(*args, k=2)
f(k=3, *args)
f(k=3, **kw)
f(**kw, k=4)
f(1, *args, 2, *more, z=3, **kw)
obj.m()
obj.m(1, 2)
obj.m(*args)
obj.m(a=1, **kw)
obj.m(*args, **kw)
print("a,b".split(","))
print(sep="", end="\n")
[f][0](1)
f(1)[0]
f(f(f()))
(lambda *a: a)(1, 2)
getattr(obj, "m")(3)
f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)
f(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10)
f(x for x in range(3))
f((x for x in range(3)), 1)

def in_func(o, a, k):
    o.m(a)
    o.m(*a)
    o.m(**k)
    o.m(*a, **k)
    o.attr.m(1)
    f(o)(a)
    return f(*a, **k)

def method_via_super_chain(s):
    return s.strip().lower().replace("a", "b").split()
