# requires: float, datatypes
s = "na\u00efve caf\u00e9 \u65e5\u672c"
print(len(s), s[:2].upper(), s.find("\u00e9"), s.index("\u65e5"), s[-2:], s.split(" "))
print([ord(c) for c in s[-2:]], s.replace("\u00e9", "e"), s.count("a"), s.encode()[:6])
