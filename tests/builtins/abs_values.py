# requires: builtins, datatypes
# abs() of ints of every sign, bools, and an object with __abs__-free int subclass
for v in (0, 1, -1, 7, -7, 1000, -1000, True, False):
    print(v, abs(v))
print(abs(-2**30), abs(2**30 - 1))
print([abs(x) for x in range(-3, 4)])
