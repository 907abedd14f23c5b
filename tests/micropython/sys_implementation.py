# requires: modules
# sys.implementation.name is 'micropython' and its version is v1.19.1 as a 3-tuple;
# sys.maxsize and byteorder as the unix port (64-bit little-endian) has them.
import sys
print(sys.implementation.name)
print(sys.implementation.version[:2])
print(sys.byteorder, sys.maxsize == 2**63 - 1)
