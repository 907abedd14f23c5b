# requires: datatypes
print("a b c".rsplit(), "a,b,c".rsplit(",", 1), "a,b,c".rsplit(",", 0), "a b c d".rsplit(None, 2))
print("aXbXc".rsplit("X"), "".rsplit(","), "  a  b ".rsplit(None, 1))
