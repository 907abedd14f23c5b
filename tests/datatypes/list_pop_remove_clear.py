# requires: datatypes, exceptions
l = [1, 2, 3, 2, 4]
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(2)
print(l)
l.clear()
print(l)
try:
    l.pop()
except IndexError:
    print("IndexError")
try:
    [1].pop(5)
except IndexError:
    print("IndexError index")
try:
    [1].remove(3)
except ValueError:
    print("ValueError")
