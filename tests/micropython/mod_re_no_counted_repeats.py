# requires: modules
# MicroPython v1.19's re (lib/re1.5, extmod/modure.c) has no counted repeats: '{' and
# '}' are plain characters, so a{2} matches the text "a{2}", never "aa" (CPython's
# {m}, {m,}, {m,n} and their lazy forms repeat). Nor has it flags: compile() takes a
# flags argument and ignores it, and the module has no IGNORECASE, I, MULTILINE, ...
import re

print(re.match("a{2}", "aa"), re.match("a{2}", "a{2}").group(0))
print(re.search(r"\d{3}", "tel 123-456"), re.search(r"\d{3}", "x1{3}y").group(0))
print(re.match("[ab]{1,}", "b{1,}").group(0), re.match("(ab){2,3}", "ab{2,3}").group(1))
# a trailing '?' makes the '}' before it optional, as after any other character
print(re.match("x{0,1}?", "x{0,1").group(0), re.match("x{0,1}?", "x{0,1}").group(0))
print(re.compile("{}").split("a{}b{}c"), re.search("}", "f{x}").group(0))
print(re.match(r"\{\}", "{}").group(0), re.match(r"\\{", "\\{").group(0))
print(re.match("[{}]+", "}{{").group(0), re.match("{", "{").group(0))

print(re.compile("abc", 2).match("ABC"), re.compile("abc", 0).match("abc").group(0))
print(bool(re.compile("^b", 8).search("a\nb")), re.compile("a b", 64).match("a b").group(0))
for name in ("I", "IGNORECASE", "M", "MULTILINE", "S", "DOTALL", "X", "VERBOSE", "A"):
    print(name, hasattr(re, name))
