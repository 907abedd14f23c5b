# requires: datatypes
# `is` and `is not` on small ints, None, booleans, the same list and equal lists.
def same(a, b):
    return a is b


def differ(a, b):
    return a is not b


x = [1]
print(same(5, 5), same(None, None), same(True, True), same(x, x), same(x, [1]))
print(differ(None, 0), differ(False, 0), differ(x, x))
print(same(2 + 3, 5), same(-1, -1), same("", None))
