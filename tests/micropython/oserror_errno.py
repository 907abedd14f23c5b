# requires: exceptions, modules
# MicroPython has no OSError subclasses (no FileNotFoundError: py/objexcept.c), so a
# missing file raises OSError itself; and OSError(n).errno is args[0] for any number of
# args (py/objexcept.c attr lookup), where CPython sets errno only from two args.
import errno
try:
    open("/nonexistent/dir/file.txt")
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOENT, e.args[0] == errno.ENOENT)
e = OSError(errno.EEXIST)
print(e.errno == errno.EEXIST, e.args == (errno.EEXIST,))
