# requires: builtins, datatypes
print(sorted(set("hello")), set(), sorted(set([3, 1, 3])), len(set(range(100))))
print(sorted(frozenset("abca")), frozenset() == set(), {1, 2} == frozenset([2, 1]))
