# requires: datatypes
# Comprehensions inside functions: nested, with conditions, over closure variables,
# dict and set comprehensions, comprehensions calling other functions.
def sq(x):
    return x * x


def table(n):
    return [[i * j for j in range(n)] for i in range(n)]


def evens(xs, limit):
    return [sq(x) for x in xs if x % 2 == 0 if x < limit]


def index(words):
    return {w: len(w) for w in words}, {len(w) for w in words}


print(table(3), evens(range(10), 7), index(["a", "bb", "cc"]))
print(sum(sq(x) for x in range(4)), [(a, b) for a in "xy" for b in (1, 2)])
