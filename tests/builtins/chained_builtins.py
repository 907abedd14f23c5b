# requires: builtins, datatypes
words = ["apple", "Banana", "cherry", "date"]
print(sorted(map(str.lower, words)), list(filter(lambda w: len(w) > 4, words)))
print(sum(map(len, words)), max(enumerate(words), key=lambda p: len(p[1])))
print(dict(enumerate(words, 1))[2], list(zip(*enumerate("ab"))))
print(any(map(str.isupper, "abC")), all(map(str.islower, "abc")))
