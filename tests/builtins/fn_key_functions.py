# requires: builtins, datatypes
# Builtins calling program functions back: sorted/min/max keys, map, filter,
# and functions stored in containers.
def by_len(s):
    return len(s)


words = ["ccc", "a", "bb", "dddd"]
print(sorted(words, key=by_len), sorted(words, key=lambda w: -len(w)))
print(min(words, key=by_len), max(words, key=by_len), max(3, 7, key=lambda x: -x))
print(list(map(by_len, words)), list(filter(lambda w: len(w) % 2, words)))
ops = {"inc": lambda x: x + 1, "dbl": lambda x: x * 2}
print([ops[k](5) for k in sorted(ops)], list(map(lambda a, b: a * b, [1, 2], [3, 4])))
