# requires: float
# MicroPython prints floats with at most 16 significant digits (py/objfloat.c,
# "%.16g" then a ".0" if needed), so 0.1 + 0.2 prints 0.3 where CPython's
# shortest-repr gives 0.30000000000000004.
print(0.1 + 0.2)
print(1 / 3)
print(2 / 3)
print(1.1 * 3)
print(1e16, 1e15, 123456789.0)
print(1.5, -0.0, 100.0)
