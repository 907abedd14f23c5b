# requires: builtins, datatypes
print(max("abc", "abd"), min([1, 2], [1, 1, 5]), max(-1, -2, key=abs), min(3, 1, 2, key=lambda v: -v))
print(max(range(10), key=lambda x: x % 4), min(("b", 2), ("a", 3), key=lambda t: t[1]))
words = "the quick brown fox jumps".split()
print(max(words), min(words), max(words, key=len), min(words, key=len))
