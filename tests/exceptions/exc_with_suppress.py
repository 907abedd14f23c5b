# requires: exceptions, classes
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return t is not None and issubclass(t, self.types)
with Suppress(KeyError):
    {}["x"]
print("after suppressed")
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated", e)
with Suppress():
    print("no error")
