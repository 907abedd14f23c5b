# requires: datatypes
sq = lambda x: x * x
add = lambda a, b=1: a + b
print(sq(7), add(2), add(2, 3), (lambda: "called")())
