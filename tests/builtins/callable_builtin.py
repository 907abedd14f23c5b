# requires: builtins, classes, datatypes
class C:
    def __call__(self):
        return 1
class D:
    pass
def f():
    pass
print(callable(f), callable(lambda: 0), callable(print), callable(C), callable(C()))
print(callable(D()), callable(1), callable("s"), callable(None), callable([].append))
