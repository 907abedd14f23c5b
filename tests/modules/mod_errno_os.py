# requires: float, exceptions, modules, datatypes
import errno, os
print(errno.ENOENT, errno.EINVAL)
try:
    os.stat("/definitely/not/here")
except OSError as e:
    print("OSError", e.args[0] == errno.ENOENT)
print(type(os.getcwd()), "." in os.listdir(".") or True)
