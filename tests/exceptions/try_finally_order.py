# requires: exceptions
def f(n):
    try:
        if n == 0:
            return "zero"
        if n == 1:
            raise ValueError("one")
        return "many"
    finally:
        print("finally", n)
for n in range(3):
    try:
        print(f(n))
    except ValueError as e:
        print("caught", e)
