# requires: datatypes
b = b"Hello, World"
print(b.find(b"o"), b.rfind(b"o"), b.index(b"W"), b.count(b"l"), b.replace(b"l", b"L"))
print(b.split(b", "), b.lower(), b.upper(), b.startswith(b"He"), b.endswith(b"ld"), b.strip(b"Hd"))
print(b"-".join([b"a", b"b"]), b.partition(b","), b"  x ".strip(), b.isalpha(), b"12".isdigit())
print(b[0], b[-1], b[1:4], list(b[:3]), b"ab" * 2, b"a" + b"b", b"a" < b"b", 72 in b)
