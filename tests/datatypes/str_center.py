# requires: datatypes
print(repr("ab".center(6)), repr("abc".center(6)), repr("abc".center(2)), repr("".center(3)))
print(repr("x".center(5, "*")), repr("ab".center(7, "-")))
