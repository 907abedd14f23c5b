# requires: datatypes, exceptions
s = {1, 2}
s.add(3)
s.add(2)
s.discard(1)
s.discard(99)
s.remove(2)
print(sorted(s), len(s))
try:
    s.remove(99)
except KeyError:
    print("KeyError")
p = s.pop()
print(p, s)
try:
    s.pop()
except KeyError:
    print("KeyError pop")
