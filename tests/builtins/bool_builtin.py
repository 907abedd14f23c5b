# requires: builtins, datatypes
print(bool(), bool(0), bool(1), bool(-1), bool(""), bool("a"))
print(bool([]), bool([0]), bool(()), bool((0,)), bool({}), bool({0: 0}), bool(None))
print(True + True, True * 3, False - 1, True == 1, False == 0)
print(int(True), str(False), repr(True))
print(isinstance(True, int), type(True) is bool, bool is type(False))
print(True & False, True | False, True ^ True, ~True)
