# requires: exceptions
print("hello".index("e"), "hello".index("l", 3), "hello".rindex("l"), "abcabc".rindex("abc"))
for s, sub in (("abc", "d"), ("abc", "cb")):
    try:
        s.index(sub)
    except ValueError:
        print("ValueError index")
    try:
        s.rindex(sub)
    except ValueError:
        print("ValueError rindex")
