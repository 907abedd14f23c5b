# requires: datatypes
print("Hello World".lower(), "Hello World".upper(), "123abc".upper(), "".lower())
print("MiXeD 123 !?".lower(), "MiXeD 123 !?".upper())
print("ABC".isupper(), "AbC".isupper(), "abc".islower(), "ab1".islower(), "123".islower(), "".isupper())
