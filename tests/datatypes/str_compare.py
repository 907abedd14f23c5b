# requires: datatypes
print("a" < "b", "abc" < "abd", "ab" < "abc", "" < "a", "B" < "a", "abc" == "abc", "a" != "A")
print("z" > "aaa", "abc" >= "abc", "x" <= "w", max("apple", "pear"), sorted(["b", "A", "a", "B"]))
