# requires: exceptions
# MicroPython's exception repr is the type name followed by its args tuple
# (py/objexcept.c mp_obj_exception_print -> mp_obj_tuple_print), so one argument
# prints with a trailing comma: ValueError('x',) where CPython prints ValueError('x').
# str() of a KeyError with one argument prints the argument with str, not repr.
print(repr(ValueError("x")))
print(repr(ValueError()))
print(repr(TypeError("a", 2)))
print(str(KeyError("k")), str(KeyError(1)))
try:
    {}["missing"]
except KeyError as e:
    print(repr(e), str(e), e.args)
print(repr(StopIteration(7)))
