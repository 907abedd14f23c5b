# requires: datatypes
s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip(), s.lower(), s.upper())
print("a,b,,c".split(","), "x y  z".split(), "abc".replace("b", "B"))
print("hello".find("l"), "hello".rfind("l"), "hello".count("l"), "hello".startswith("he"))
print("-".join(["a", "b", "c"]), "abc".center(9, "*"), "Line1\nLine2".splitlines())
print("key=value".partition("="), "a.b.c".rpartition("."), "abc".isalpha(), "123".isdigit())
