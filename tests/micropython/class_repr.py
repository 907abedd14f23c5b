# requires: classes
# MicroPython prints a class as <class 'Name'> (py/objtype.c type_print: no module
# prefix), and a built-in function's type is named 'function' (py/objfun.c), where
# CPython prints <class '__main__.Name'> and 'builtin_function_or_method'.
class K:
    pass
class L(K):
    pass
print(K)
print(L, type(L()))
print(type(len).__name__, type(print).__name__)
print(int, str, type(None))
