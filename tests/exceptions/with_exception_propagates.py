# requires: classes, exceptions
class CM:
    def __init__(self, swallow):
        self.swallow = swallow
    def __enter__(self):
        print("enter")
        return "value"
    def __exit__(self, t, v, tb):
        print("exit", t is not None)
        return self.swallow
for swallow in (True, False):
    try:
        with CM(swallow) as v:
            print("body", v)
            raise RuntimeError("boom")
        print("after with")
    except RuntimeError:
        print("propagated")
