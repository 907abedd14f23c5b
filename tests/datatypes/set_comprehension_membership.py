# requires: datatypes, exceptions
s = {x % 5 for x in range(20)}
print(sorted(s), 3 in s, 7 in s, len({(1, 2), (1, 2), (2, 1)}))
try:
    {[1]}
except TypeError:
    print("TypeError")
try:
    [] in s
except TypeError:
    print("TypeError in")
