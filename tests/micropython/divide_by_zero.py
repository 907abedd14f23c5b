# requires: exceptions, float
# MicroPython raises ZeroDivisionError("divide by zero") for int and float division
# and modulo alike (py/runtime.c, py/objfloat.c); CPython's messages name the op.
for op in (lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 2.5 // 0.0,
           lambda: divmod(3, 0), lambda: 0 ** -1):
    try:
        op()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
