# requires: datatypes
print("hello".find("l"), "hello".find("z"), "hello".find("l", 3), "hello".find("l", 4), "hello".find(""))
print("hello".find("lo", 1, 5), "hello".find("lo", 1, 4), "hello".find("h", -5), "".find(""), "abc".find("", 5))
print("hello".rfind("l"), "hello".rfind("z"), "hello".rfind("l", 0, 3), "hello".rfind(""), "aaa".rfind("aa"))
