# requires: builtins, datatypes, generators
print(all([]), any([]))
print(all([1, 2, 3]), all([1, 0, 3]), any([0, 0, 1]), any([0, "", None]))
print(all(x > 0 for x in range(1, 5)), any(x > 3 for x in range(4)))
print(all("abc"), any(""), all((1,)), any({0: 1}), any({1: 0}))
def noisy(seq):
    for x in seq:
        print("see", x)
        yield x
print(all(noisy([1, 0, 1])))
print(any(noisy([0, 1, 0])))
