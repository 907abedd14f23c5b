# requires: exceptions, datatypes
# Unpacking in functions: tuples, lists, strings, iterators, star targets, and the
# errors for too few and too many values.
def pair(seq):
    a, b = seq
    return a, b


def star(seq):
    first, *rest = seq
    return first, rest


def middle(seq):
    a, *m, z = seq
    return a, m, z


print(pair((1, 2)), pair([3, 4]), pair("xy"), pair(iter([5, 6])), pair({7: 0, 8: 0}))
print(star([1]), star("abc"), middle(range(5)), middle((1, 2)))
for bad in ((1,), (1, 2, 3), [], "abc"):
    try:
        pair(bad)
    except ValueError:
        print("ValueError", len(bad))
try:
    middle([1])
except ValueError:
    print("ValueError star")
try:
    pair(5)
except TypeError:
    print("TypeError")
