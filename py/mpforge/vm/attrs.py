"""Attribute lookup: instances, classes, super(), modules and built-in values.

Built-in values expose only the methods MicroPython's types have (the locals tables of
py/objstr.c, objlist.c, objdict.c, ...), not CPython's extras.
"""

from __future__ import annotations

from types import MethodType
from typing import Any

from .objects import (
    MISSING,
    NULL,
    BoundMethod,
    Builtin,
    ClassMethod,
    Function,
    InstanceBase,
    Module,
    MpException,
    MpType,
    Property,
    StaticMethod,
    Super,
    mp_error,
)
from .types import BUILTIN_TYPES, type_name, type_of

_STR = (
    "center count decode encode endswith find format index isalpha isdigit islower isspace "
    "isupper join lower lstrip partition replace rfind rindex rpartition rsplit rstrip split "
    "splitlines startswith strip upper"
).split()
# The methods MicroPython gives each built-in type (attributes are read-only values).
METHODS: dict[type, frozenset[str]] = {
    str: frozenset(_STR) - {"decode"},
    bytes: frozenset(_STR) - {"encode", "format"} | {"hex"},
    bytearray: frozenset(("append", "extend", "decode", "hex")),
    list: frozenset("append clear copy count extend index insert pop remove reverse sort".split()),
    tuple: frozenset(("count", "index")),
    dict: frozenset(
        "clear copy fromkeys get items keys pop popitem setdefault update values".split()
    ),
    set: frozenset(
        (
            "add clear copy difference difference_update discard intersection "
            "intersection_update isdisjoint issubset issuperset pop remove "
            "symmetric_difference symmetric_difference_update union update"
        ).split()
    ),
    frozenset: frozenset(
        (
            "copy difference intersection isdisjoint issubset issuperset "
            "symmetric_difference union"
        ).split()
    ),
    int: frozenset(("from_bytes", "to_bytes")),
    bool: frozenset(("from_bytes", "to_bytes")),
    float: frozenset(),
    complex: frozenset(("real", "imag")),
    range: frozenset(("start", "stop", "step")),
    slice: frozenset(("start", "stop", "step", "indices")),
    memoryview: frozenset(),
}
METHODS[bool] = METHODS[int]

# str's case methods and predicates look at ASCII only (py/unicode.c's tables stop at
# 128; py/objstr.c str_caseconv and str_uni_istype walk the UTF-8 bytes), so "\u00e9"
# is neither alpha nor changed by upper().
_ASCII_UPPER = {c: c - 32 for c in range(ord("a"), ord("z") + 1)}
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
_SPACE = frozenset(" \t\n\r\x0b\x0c")


def _ascii_pred(test: Any) -> Any:
    def pred(s: str) -> bool:
        return bool(s) and all(c < "\x80" and test(c) for c in s)

    return pred


def _ascii_case(want_upper: bool) -> Any:
    def pred(s: str) -> bool:
        letters = [c for c in s if c < "\x80" and c.isalpha()]
        return bool(letters) and all(c.isupper() == want_upper for c in letters)

    return pred


_STR_OVERRIDES: dict[str, Any] = {
    "lower": lambda s: s.translate(_ASCII_LOWER),
    "upper": lambda s: s.translate(_ASCII_UPPER),
    "isalpha": _ascii_pred(str.isalpha),
    "isdigit": _ascii_pred(str.isdigit),
    "isspace": _ascii_pred(_SPACE.__contains__),
    "isupper": _ascii_case(True),
    "islower": _ascii_case(False),
}


def _bind(value: Any, obj: Any, cls: MpType) -> Any:
    klass = value.__class__
    if klass is Function or klass is Builtin:
        return BoundMethod(obj, value)
    if klass is StaticMethod:
        return value.func
    if klass is ClassMethod:
        return BoundMethod(cls, value.func)
    if klass is Property:
        if value.fget is None:
            raise mp_error("AttributeError", "unreadable attribute")
        return value.fget(obj)
    return value


def _class_attr(cls: MpType, value: Any) -> Any:
    klass = value.__class__
    if klass is StaticMethod:
        return value.func
    if klass is ClassMethod:
        return BoundMethod(cls, value.func)
    return value


def _no_attr(obj: Any, name: str) -> Any:
    if isinstance(obj, MpType):
        return mp_error("AttributeError", f"type object '{obj.name}' has no attribute '{name}'")
    return mp_error("AttributeError", f"'{type_name(obj)}' object has no attribute '{name}'")


def _host_attr(obj: Any, host: type, name: str) -> Any:
    names = METHODS.get(host)
    if names is not None and name in names:
        if host is str and name in _STR_OVERRIDES:
            fn = _STR_OVERRIDES[name]
            return fn if obj is str else MethodType(fn, obj)
        return getattr(obj, name)
    return MISSING


def _instance_attr(obj: Any, name: str) -> Any:
    cls = obj.mp_type
    d = obj.mp_dict
    if name in d:
        return d[name]
    value = cls.lookup(name)
    if value is not MISSING:
        return _bind(value, obj, cls)
    if name == "__class__":
        return cls
    if name == "__dict__":
        return d
    if isinstance(obj, MpException):
        if name == "args":
            return obj.mp_args
        if name == "value" and cls.is_subclass_of(_exc("StopIteration")):
            return obj.mp_args[0] if obj.mp_args else None
        if name == "errno" and cls.is_subclass_of(_exc("OSError")):
            return obj.mp_args[0] if obj.mp_args else None
    native = cls.native
    if native is not None and isinstance(native.host, type):
        value = _host_attr(obj, native.host, name)
        if value is not MISSING:
            return value
    getattr_fn = cls.lookup("__getattr__")
    if getattr_fn is not MISSING:
        return getattr_fn(obj, name)
    return MISSING


def _exc(name: str) -> MpType:
    from .objects import EXC_TYPES

    return EXC_TYPES[name]


def _type_attr(cls: MpType, name: str) -> Any:
    value = cls.lookup(name)
    if value is not MISSING:
        return _class_attr(cls, value)
    if name == "__name__":
        return cls.name
    if name == "__bases__":
        return tuple(b for b in cls.bases)
    if name == "__dict__":
        return dict(cls.dict)
    if name == "__class__":
        return BUILTIN_TYPES["type"]
    if cls is BUILTIN_TYPES["object"] and name in _OBJECT_METHODS:
        return _OBJECT_METHODS[name]
    for t in cls.mro:
        if isinstance(t.host, type):
            value = _host_attr(t.host, t.host, name)
            if value is not MISSING:
                return value
    return MISSING


def _super_attr(sup: Super, name: str, want_method: bool) -> tuple[Any, Any]:
    mro = type_of(sup.obj).mro if not isinstance(sup.obj, MpType) else sup.obj.mro
    try:
        start = mro.index(sup.cls) + 1
    except ValueError:
        start = 1
    for t in mro[start:]:
        value = t.dict.get(name, MISSING)
        if value is not MISSING:
            if want_method and value.__class__ is Function:
                return value, sup.obj
            return _bind(value, sup.obj, type_of(sup.obj)), NULL
        if isinstance(t.host, type) and t.name != "object":
            host_fn = getattr(t.host, name, None)
            if host_fn is not None and (name.startswith("__") or name in METHODS.get(t.host, ())):
                return Builtin(name, host_fn), sup.obj
        if t.is_exc and t.host is None and name == "__init__" and t.name == "BaseException":
            return Builtin("__init__", _exception_init), sup.obj
    if name == "__init__":
        return Builtin("__init__", lambda *args, **kw: None), sup.obj
    raise mp_error("AttributeError", f"'super' object has no attribute '{name}'")


def _object_setattr(obj: Any, name: str, value: Any) -> None:
    """object.__setattr__: store in the instance's dict, bypassing the class's hook
    (py/objobject.c object___setattr__)."""
    if not isinstance(obj, InstanceBase):
        raise mp_error("TypeError", "arg must be user-type")
    obj.mp_dict[name] = value


def _object_delattr(obj: Any, name: str) -> None:
    if not isinstance(obj, InstanceBase):
        raise mp_error("TypeError", "arg must be user-type")
    if name not in obj.mp_dict:
        raise mp_error("AttributeError", "no such attribute")
    del obj.mp_dict[name]


_OBJECT_METHODS = {
    "__setattr__": Builtin("__setattr__", _object_setattr),
    "__delattr__": Builtin("__delattr__", _object_delattr),
}


def _exception_init(self: Any, *args: Any) -> None:
    self.mp_args = args


def load_attr(obj: Any, name: str) -> Any:
    if isinstance(obj, InstanceBase):
        value = _instance_attr(obj, name)
    elif obj.__class__ is Module:
        value = obj.dict.get(name, MISSING)
    elif obj.__class__ is MpType:
        value = _type_attr(obj, name)
    elif obj.__class__ is Super:
        return _super_attr(obj, name, False)[0]
    else:
        value = _host_attr(obj, obj.__class__, name)
        if value is MISSING:
            value = _special_attr(obj, name)
    if value is MISSING:
        raise _no_attr(obj, name)
    return value


def _special_attr(obj: Any, name: str) -> Any:
    if name == "__class__":
        return type_of(obj)
    if name == "__name__" and obj.__class__ in (Function, Builtin):
        return obj.name
    custom = getattr(obj, "mp_getattr", None)
    if custom is not None:
        return custom(name)
    return MISSING


def load_method(obj: Any, name: str) -> tuple[Any, Any]:
    """(method, self) for a call through the class, else (attribute, NULL)."""
    if isinstance(obj, InstanceBase) and name not in obj.mp_dict:
        value = obj.mp_type.lookup(name)
        if value.__class__ is Function:
            return value, obj
    elif obj.__class__ is Super:
        return _super_attr(obj, name, True)
    return load_attr(obj, name), NULL


def store_attr(obj: Any, name: str, value: Any) -> None:
    if isinstance(obj, InstanceBase):
        prop = obj.mp_type.lookup(name)
        if prop.__class__ is Property:
            if value is NULL:
                if prop.fdel is None:
                    raise mp_error("AttributeError", "can't delete attribute")
                prop.fdel(obj)
            elif prop.fset is None:
                raise mp_error("AttributeError", "can't set attribute")
            else:
                prop.fset(obj, value)
            return
        if value is NULL:
            if name not in obj.mp_dict:
                raise _no_attr(obj, name)
            del obj.mp_dict[name]
            return
        setattr_fn = obj.mp_type.lookup("__setattr__")
        if setattr_fn is not MISSING:
            setattr_fn(obj, name, value)
            return
        obj.mp_dict[name] = value
        return
    if obj.__class__ is MpType and obj.host is None:
        if value is NULL:
            obj.dict.pop(name, None)
        else:
            obj.dict[name] = value
        return
    if obj.__class__ is Module:
        if value is NULL:
            obj.dict.pop(name, None)
        else:
            obj.dict[name] = value
        return
    custom = getattr(obj, "mp_setattr", None)
    if custom is not None:
        custom(name, value)
        return
    raise _no_attr(obj, name)
