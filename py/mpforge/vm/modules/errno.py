"""`errno` (py/moduerrno.c): the codes and `errorcode`."""

from __future__ import annotations

import errno as e
from typing import Any

_NAMES = (
    "EPERM ENOENT EIO EBADF EAGAIN ENOMEM EACCES EEXIST ENODEV EISDIR EINVAL EOPNOTSUPP "
    "EADDRINUSE ECONNABORTED ECONNRESET ENOBUFS ENOTCONN ETIMEDOUT ECONNREFUSED "
    "EHOSTUNREACH EALREADY EINPROGRESS"
).split()


def make(vm: Any) -> dict[str, Any]:
    table: dict[str, Any] = {name: getattr(e, name) for name in _NAMES}
    table["errorcode"] = {getattr(e, name): name for name in _NAMES}
    return table
