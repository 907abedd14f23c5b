# requires: modules, datatypes
import re
m = re.match(r"(\w+)@(\w+)\.com", "joe@example.com")
print(m.group(0), m.group(1), m.group(2), m.groups())
print(re.search(r"\d+", "abc 123 def 45").group(0), re.match(r"\d", "x1"))
print(re.sub(r"\s+", " ", "a   b \t c"), re.split(r",\s*", "a, b,c,  d"))
r = re.compile(r"^[a-z]+$")
print(bool(r.match("abc")), bool(r.match("ab1")), re.sub("a", lambda m: "A", "banana"))
