# requires: exceptions
# A local deleted or not yet assigned is unbound: reading it raises NameError,
# in plain functions, loops and closures alike.
def read_before_store():
    try:
        print(v)
    except NameError:
        print("unbound before store")
    v = 1
    return v


def delete_then_read():
    x = 5
    del x
    try:
        return x
    except NameError:
        return "unbound after del"


def delete_twice():
    y = 1
    del y
    try:
        del y
    except NameError:
        print("del of unbound")


def loop_delete(n):
    out = []
    for i in range(n):
        t = i * 2
        out.append(t)
        if i % 2:
            del t
    return out


print(read_before_store())
print(delete_then_read())
delete_twice()
print(loop_delete(5))
