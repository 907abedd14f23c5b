# requires: datatypes, exceptions
print(",".join(["a", "b", "c"]), "".join("xyz"), "-".join([]), " ".join(("one",)))
print("ab".join(["1", "2", "3"]), "\n".join(["l1", "l2"]))
print("+".join(str(i) for i in range(5)))
try:
    ",".join([1, 2])
except TypeError:
    print("TypeError")
