# Classes: no bases, bases, keywords (metaclass), super() with and without args,
# decorators on classes and methods, class attributes, nested classes, __class__ cell.
def deco(x):
    return x

def deco_args(*a, **k):
    def wrap(x):
        return x
    return wrap

class Empty:
    pass

class Doc:
    "A docstring"

class Attrs:
    a = 1
    b = a + 1
    c, d = 3, 4
    lst = [a, b]
    del c

    def method(self):
        return self.a

    @staticmethod
    def static(v):
        return v

    @classmethod
    def klass(cls):
        return cls.b

    @property
    def prop(self):
        return self.a

    @prop.setter
    def prop(self, v):
        self.a = v

class Base:
    def __init__(self, v):
        self.v = v

    def describe(self):
        return "base"

class Derived(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w

    def describe(self):
        return "derived+" + super().describe()

    def explicit(self):
        return super(Derived, self).describe()

    def uses_class(self):
        return __class__

class Multi(Derived, Empty):
    pass

class Meta(type):
    pass

class WithMeta(metaclass=Meta):
    pass

class WithKw(Base, metaclass=Meta, **{}):
    pass

@deco
class Decorated:
    @deco
    @deco_args(1, k=2)
    def m(self):
        return 1

@deco_args()
@deco
class Stacked:
    pass

class Outer:
    class Inner:
        x = 1

        def f(self):
            return Outer.Inner.x

    y = Inner.x

class WithInit:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs

    def __repr__(self):
        return "WithInit(%r, %r)" % (self.args, self.kwargs)

    def __eq__(self, other):
        return isinstance(other, WithInit)

def class_factory(base):
    class Made(base):
        def describe(self):
            return "made+" + super().describe()
    return Made

print(Attrs().method(), Attrs.static(2), Attrs.klass(), Derived(1, 2).describe())
print(Derived(1, 2).explicit(), Outer.y, WithInit(1, a=2), class_factory(Base)(1).describe())
