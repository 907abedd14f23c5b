# requires: datatypes, exceptions
print("key=value".partition("="), "novalue".partition("="), "a=b=c".partition("="))
print("a=b=c".rpartition("="), "none".rpartition("="), "=x".partition("="))
try:
    "abc".partition("")
except ValueError:
    print("ValueError")
