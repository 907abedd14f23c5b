# requires: bigint, exceptions, modules
import sys
print(type(sys.argv), sys.byteorder in ("little", "big"), sys.maxsize > 2**30)
try:
    sys.exit(0)
except SystemExit as e:
    print("exit caught", e.args)
