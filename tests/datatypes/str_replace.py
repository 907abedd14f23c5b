# requires: datatypes
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "hello".replace("x", "y"))
print("aaa".replace("a", "bb"), "abc".replace("", "-"), "abab".replace("ab", ""), "a".replace("a", "a" * 3))
print("hello".replace("l", "", 0), "".replace("", "x"), "banana".replace("an", "AN", 2))
