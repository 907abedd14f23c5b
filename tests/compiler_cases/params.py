# Parameter forms: defaults (positional and keyword-only), *args, **kwargs, bare *,
# and their closures; default values that are and are not constants.
def pos(a, b, c):
    return a + b + c

def defaults(a, b=2, c="three", d=None, e=(1, 2), f=-1, g=1.5):
    return a, b, c, d, e, f, g

def computed_defaults(a, b=[], c={}, d=pos(1, 2, 3)):
    return a, b, c, d

def star(*args):
    return args

def pos_star(a, b=1, *args):
    return a, b, args

def kwonly(a, *, b, c=3):
    return a, b, c

def kwonly_no_default(*, x, y):
    return x - y

def star_kwonly(*args, key=None, **kw):
    return args, key, kw

def kwargs(**kw):
    return kw

def everything(a, b=1, *args, c, d=4, **kw):
    return a, b, args, c, d, kw

def kw_default_only(a, *, b=1):
    return a + b

def closure_over_params(a, *args, k=0, **kw):
    def inner():
        return a, args, k, kw
    return inner

def many_defaults(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8):
    return a + b + c + d + e + f + g + h

x = 10
def default_from_global(v=x, w=x * 2):
    return v + w

def ann(a: int, b: str = "s", *args: int, c: float = 1.0, **kw: dict) -> tuple:
    return a, b, args, c, kw

print(pos(1, 2, 3), defaults(1), computed_defaults(0), star(1, 2), pos_star(1, 2, 3, 4))
print(kwonly(1, b=2), kwonly_no_default(x=3, y=1), star_kwonly(1, 2, key=3, z=4), kwargs(a=1))
print(everything(1, 2, 3, c=5, e=6), kw_default_only(1), closure_over_params(1, 2, k=3, m=4)())
print(many_defaults(), default_from_global(), ann(1))
