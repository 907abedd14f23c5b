# requires: datatypes
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print("xxhixx".strip("x"), "abchiabc".strip("abc"), "hi".strip(""), repr("\t\n x \r\n".strip()))
print("xyhi".lstrip("yx"), "hixy".rstrip("yx"), repr("".strip()), repr("   ".strip()))
