# Literals: small and big ints (all bases, around the small-int and 64-bit limits),
# floats (exponents, huge, tiny, inf-ish), complex, str/bytes escapes, displays, slices
# and Ellipsis (lower-case prefixes only: MicroPython rejects R"", B"", F"").
ints = [0, 1, -1, 255, 256, -256, 0x7F, 0o777, 0b1011, 1_000_000, 0x_FF]
edges = [2**30 - 1, 2**30, -2**30, -2**30 - 1, 1073741823, 1073741824, -1073741824,
         -1073741825, 4611686018427387903, 4611686018427387904, 9223372036854775807,
         9223372036854775808, -9223372036854775808, 18446744073709551616]
big = [123456789012345678901234567890, -987654321098765432109876543210, 0xFFFFFFFFFFFFFFFFFFFF]
floats = [0.0, 1.0, -1.5, 1e10, 1.5e-10, 2E+3, .5, 5., 1_0.0_1, 1e308, 1e-308, 1e400,
          -1e400, 3.141592653589793, 0.1, 1e22, 123456789.123456789]
complexes = [1j, 2.5j, 1 + 2j, -3j, 1e3j, 0j]
strs = ["", "a", "ab", "hello", "x" * 3, 'single', "tab\t", "nl\n", "quote\"", 'apos\'',
        "\x41\101\u0042\U00000043", "\\", "\0", "\a\b\f\v\r", "é", "日本語", "n", "line \
continued", """triple "quotes" """, '''and ''' '''more''', r"raw\n", u"u-prefix"]
bytess = [b"", b"a", b"\x00\xff", b"\n\t\\", rb"raw\x00", br"\d", b"ab" b"cd"]
interned_like = ["name_like_ident", "with space", "x" * 1, "__init__", "a" "b", "print"]
long_str = "this is a somewhat long string that mpy-cross may or may not intern as qstr"
longer = "y" * 300
tuples = [(), (1,), (1, 2), (1, (2, 3)), ("a", b"b", 1.0, None, True, False, ...)]
nested_const = ((1, 2), ("x", ("y", (3.5,))))
lists = [[], [1], [1, 2, 3], [[], [[]]]]
dicts = [{}, {1: 2}, {"a": 1, "b": [2]}, {(1, 2): {3: 4}}, dict(a=1)]
sets = [{1}, {1, 2, 3}, {"a", (1,)}]
# (no starred items in displays: MicroPython 1.19 rejects [*a], {*a}, {**d})
seq = list(range(10))
slices = [seq[:], seq[1:], seq[:2], seq[1:5], seq[::2], seq[1:8:3], seq[::-1], seq[-3:],
          seq[:-1], seq[slice(1, 2)]]
ell = ...
e2 = Ellipsis
consts = [None, True, False, ...]
print(ints, edges, big, floats, complexes, strs, bytess, interned_like, long_str, len(longer))
print(tuples, nested_const, lists, dicts, sets, slices, ell, e2, consts)

def in_function():
    return (1, 2, 3), [1.5, 2.5], {"k": (1,)}, -0.0, 1e100, 123456789012345678901234567890
