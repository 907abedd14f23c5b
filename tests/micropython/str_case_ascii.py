# requires: float
# MicroPython's str.upper()/lower() and the is*() predicates look at ASCII only
# (py/unicode.c's character table stops at 128; py/objstr.c str_caseconv and
# str_uni_istype walk the UTF-8 bytes): non-ASCII letters are unchanged and are
# neither alpha nor upper/lower. CPython applies full Unicode case rules.
s = "caf\u00e9 \u00c9t\u00e9"
print(s.upper())
print(s.lower())
print("\u00e9".isalpha(), "\u00e9".islower(), "\u00c9".isupper(), "\u0663".isdigit())
print("a\u00e9".islower(), "\u00e9A".isupper(), "\x1c".isspace(), "\u2003".isspace())
print("abc".isalpha(), "ABC".isupper(), "12".isdigit(), " ".isspace())
