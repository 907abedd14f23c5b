# requires: datatypes
s = "hello world"
print(s.startswith("hello"), s.startswith("world"), s.startswith("world", 6), s.startswith(""))
print(s.endswith("world"), s.endswith("hello"), s.endswith("hello", 0, 5), s.endswith(""))
print(s.startswith(("x", "he")), s.endswith(("ld", "zz")), s.startswith(("a", "b")))
print("".startswith(""), "a".startswith("ab"), s.startswith("o", 4, 5))
