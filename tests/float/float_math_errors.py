# requires: float, modules, exceptions
import math
for fn, arg in ((math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 2)):
    try:
        fn(arg)
    except ValueError:
        print("ValueError")
try:
    math.sqrt("x")
except TypeError:
    print("TypeError")
