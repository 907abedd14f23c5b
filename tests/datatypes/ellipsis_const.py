# requires: datatypes
# Ellipsis constants: in .mpy files and as ROM objects of frozen modules
x = ...
print(x, x is ..., type(x).__name__, [1, ..., (2, ...)])
print((..., ...)[1] is Ellipsis, {...: "e"}[...], ... == ..., ... != None)
