# requires: modules, datatypes
import sys
print(type(sys.argv) is list, type(sys.path) is list, "sys" not in sys.modules or True, sys.maxsize > 2 ** 30)
sys.stdout.write("written\n")
print(type(sys.version) is str, sys.version_info[0])
