# requires: datatypes
print("banana".count("a"), "banana".count("an"), "banana".count("x"), "banana".count(""))
print("aaaa".count("aa"), "banana".count("a", 2), "banana".count("a", 2, 4), "".count(""))
