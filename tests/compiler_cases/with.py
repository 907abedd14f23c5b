# with statements: one item, several items, with and without `as`, targets that are
# tuples/attributes/subscripts, nesting, return/break/continue inside.
class CM:
    def __init__(self, name="cm"):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

def one():
    with CM():
        pass
    with CM() as c:
        return c.name

def several():
    with CM("a") as a, CM("b") as b:
        r = a.name + b.name
    with CM(), CM() as c2, CM():
        r += c2.name
    return r

def targets(box, d):
    with CM() as box.attr:
        pass
    with CM() as d["k"]:
        pass
    with CM() as (x):
        pass
    return box, d, x

def tuple_target():
    class Pair:
        def __enter__(self):
            return (1, 2)

        def __exit__(self, *a):
            return True
    with Pair() as (p, q):
        return p + q

def control():
    out = []
    for i in range(4):
        with CM():
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
    return out

def nested_with_try():
    with CM() as a:
        try:
            with CM() as b:
                raise ValueError
        except ValueError:
            return a.name + b.name

with CM("module") as m:
    print(m.name)
print(one(), several(), control(), tuple_target(), nested_with_try())
