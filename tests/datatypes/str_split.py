# requires: datatypes, exceptions
print("a b  c".split(), " lead trail ".split(), "".split(), "   ".split())
print("a,b,,c".split(","), "a,b,c".split(",", 1), "abc".split("b"), "a::b::c".split("::"))
print("a b c d".split(None, 2), "x".split(","), ",".split(","))
try:
    "abc".split("")
except ValueError:
    print("ValueError")
