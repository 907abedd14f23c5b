# requires: exceptions, datatypes
e = ValueError("msg", 2)
print(e.args, len(e.args), type(e).__name__, isinstance(e, Exception), isinstance(e, BaseException))
print(ValueError().args, str(ValueError("only")), str(ValueError()), str(OSError(2, "x").args))
