# requires: exceptions
def f(kind):
    try:
        if kind == 1:
            return "returned"
        if kind == 2:
            raise ValueError("raised")
        return "fell"
    finally:
        print("finally", kind)
print(f(0), f(1))
try:
    f(2)
except ValueError as e:
    print("caught", e)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
