# requires: exceptions
def f():
    try:
        return 1
    finally:
        print("cleanup")
def g():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(f(), g())
