# requires: modules
import re
m = re.match(r"(\w+)@(\w+)\.com", "joe@site.com")
print(m.group(0), m.group(1), m.group(2))
print(re.search(r"\d+", "abc 123 def").group(0), re.sub(r"\s+", "-", "a  b   c"))
print(re.split(r",", "a,b,c"), re.match("x", "abc"))
