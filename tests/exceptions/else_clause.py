# requires: exceptions
def div(a, b):
    try:
        r = a // b
    except ZeroDivisionError:
        print("div by zero")
    else:
        print("result", r)
    finally:
        print("done")
div(7, 2)
div(1, 0)
