# requires: datatypes, exceptions
print("ell" in "hello", "z" in "hello", "" in "", "" in "a", "lo" not in "hello")
print([c for c in "abc"], list(reversed("abc")), "".join(sorted("cab")))
try:
    1 in "abc"
except TypeError:
    print("TypeError")
