# requires: builtins, datatypes
print(repr(1), repr("a"), repr("it's"), repr('say "hi"'), repr("both'\""))
print(repr("\n\t\\"), repr(b"a\x00\xff"), repr([1, "2", (3,)]), repr({"k": [None]}))
print(repr(()), repr((1,)), repr(set()), repr({1}), repr(frozenset()), repr(None))
print(repr("\x7f\x01"), repr("\u00e9"))
