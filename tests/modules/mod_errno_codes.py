# requires: modules
import errno
print(errno.ENOENT, errno.EEXIST, errno.EINVAL, errno.EAGAIN, errno.EBADF, errno.ENOMEM)
print(errno.errorcode[errno.ENOENT] if hasattr(errno, "errorcode") else "ENOENT")
