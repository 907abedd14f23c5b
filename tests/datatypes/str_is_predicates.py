# requires: datatypes
for s in ("", "abc", "ABC", "a1", "123", "  ", " \t\n", "a b", "ABC def", "Abc", "x1Y"):
    print(repr(s), s.isalpha(), s.isdigit(), s.isspace(), s.isupper(), s.islower())
