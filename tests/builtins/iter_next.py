# requires: builtins, datatypes, exceptions
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
s = iter("ab")
print(next(s), next(s))
print(iter(it) is it)
try:
    iter(5)
except TypeError:
    print("TypeError")
try:
    next([1])
except TypeError:
    print("TypeError next")
