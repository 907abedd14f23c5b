"""The builtins module of the Python-hosted VM: the names every module can load
(py/modbuiltins.c), with MicroPython's argument rules and messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .objects import (
    EXC_TYPES,
    MISSING,
    NULL,
    Builtin,
    InstanceBase,
    MpException,
    MpType,
    mp_error,
)
from .ops import BINARY, contains, get_iter, to_repr, to_str
from .translated import current_scope
from .types import BUILTIN_TYPES, is_instance, to_int, type_name, type_of

if TYPE_CHECKING:
    from .interp import Interpreter

_LESS = BINARY[0]


def _nargs(args: tuple[Any, ...], n_min: int, n_max: int) -> None:
    n = len(args)
    if n_min == n_max and n != n_min:
        raise mp_error(
            "TypeError", f"function takes {n_min} positional arguments but {n} were given"
        )
    if n < n_min:
        raise mp_error("TypeError", f"function missing {n_min - n} required positional arguments")
    if n > n_max:
        raise mp_error("TypeError", f"function expected at most {n_max} arguments, got {n}")


def make_builtins(vm: Interpreter) -> dict[str, Any]:
    """The builtins dict of one interpreter (print writes to its stdout)."""

    def mp_print(*args: Any, sep: Any = " ", end: Any = "\n", file: Any = None) -> None:
        sep = " " if sep is None else sep
        end = "\n" if end is None else end
        for value in (sep, end):
            if not isinstance(value, str):
                raise mp_error(
                    "TypeError", f"can't convert '{type_name(value)}' object to str implicitly"
                )
        text = sep.join(to_str(arg) for arg in args) + end
        if file is None:
            vm.write(text)
        else:
            from .attrs import load_attr

            vm.call(load_attr(file, "write"), [text], None)

    def mp_len(*args: Any) -> int:
        _nargs(args, 1, 1)
        try:
            return len(args[0])
        except TypeError:
            raise mp_error(
                "TypeError", f"object of type '{type_name(args[0])}' has no len()"
            ) from None

    def mp_abs(*args: Any) -> Any:
        _nargs(args, 1, 1)
        try:
            return abs(args[0])
        except TypeError:
            raise mp_error(
                "TypeError", f"unsupported type for __abs__: '{type_name(args[0])}'"
            ) from None

    def min_max(pick_less: bool, name: str):
        def impl(*args: Any, key: Any = None, default: Any = MISSING) -> Any:
            if not args:
                raise mp_error("TypeError", "function missing 1 required positional arguments")
            items = list(get_iter(args[0])) if len(args) == 1 else list(args)
            if not items:
                if default is not MISSING:
                    return default
                raise mp_error("ValueError", "arg is an empty sequence")
            best = items[0]
            best_key = key(best) if key is not None else best
            for item in items[1:]:
                k = key(item) if key is not None else item
                if _LESS(k, best_key) if pick_less else _LESS(best_key, k):
                    best, best_key = item, k
            return best

        return Builtin(name, impl)

    def mp_sum(*args: Any) -> Any:
        _nargs(args, 1, 2)
        total = args[1] if len(args) == 2 else 0
        add = BINARY[_index("ADD")]
        for item in get_iter(args[0]):
            total = add(total, item)
        return total

    def mp_all(*args: Any) -> bool:
        _nargs(args, 1, 1)
        return all(get_iter(args[0]))

    def mp_any(*args: Any) -> bool:
        _nargs(args, 1, 1)
        return any(get_iter(args[0]))

    def mp_sorted(*args: Any, key: Any = None, reverse: Any = False) -> list[Any]:
        _nargs(args, 1, 1)
        items = list(get_iter(args[0]))
        _sort(items, key, reverse)
        return items

    def mp_isinstance(*args: Any) -> bool:
        _nargs(args, 2, 2)
        obj, classes = args
        for cls in classes if isinstance(classes, tuple) else (classes,):
            if not isinstance(cls, MpType):
                raise mp_error(
                    "TypeError", "isinstance() arg 2 must be a class or a tuple of classes"
                )
            if is_instance(obj, cls):
                return True
        return False

    def mp_issubclass(*args: Any) -> bool:
        _nargs(args, 2, 2)
        sub, classes = args
        if not isinstance(sub, MpType):
            raise mp_error("TypeError", "issubclass() arg 1 must be a class")
        for cls in classes if isinstance(classes, tuple) else (classes,):
            if not isinstance(cls, MpType):
                raise mp_error(
                    "TypeError", "issubclass() arg 2 must be a class or a tuple of classes"
                )
            if cls in sub.mro:
                return True
        return False

    def mp_getattr(*args: Any) -> Any:
        _nargs(args, 2, 3)
        from .attrs import load_attr

        try:
            return load_attr(args[0], args[1])
        except MpException as exc:
            if len(args) == 3 and EXC_TYPES["AttributeError"] in exc.mp_type.mro:
                return args[2]
            raise

    def mp_setattr(*args: Any) -> None:
        _nargs(args, 3, 3)
        from .attrs import store_attr

        store_attr(args[0], args[1], args[2])

    def mp_delattr(*args: Any) -> None:
        _nargs(args, 2, 2)
        from .attrs import store_attr

        store_attr(args[0], args[1], NULL)

    def mp_hasattr(*args: Any) -> bool:
        _nargs(args, 2, 2)
        from .attrs import load_attr

        try:
            load_attr(args[0], args[1])
        except MpException as exc:
            if EXC_TYPES["AttributeError"] in exc.mp_type.mro:
                return False
            raise
        return True

    def mp_callable(*args: Any) -> bool:
        _nargs(args, 1, 1)
        obj = args[0]
        if isinstance(obj, InstanceBase):
            return obj.mp_type.lookup("__call__") is not MISSING
        return callable(obj)

    def mp_hash(*args: Any) -> int:
        _nargs(args, 1, 1)
        try:
            return hash(args[0])
        except TypeError:
            raise mp_error("TypeError", f"unhashable type: '{type_name(args[0])}'") from None

    def mp_id(*args: Any) -> int:
        _nargs(args, 1, 1)
        return id(args[0])

    def mp_divmod(*args: Any) -> tuple[Any, Any]:
        _nargs(args, 2, 2)
        a, b = args
        return (BINARY[_index("FLOOR_DIVIDE")](a, b), BINARY[_index("MODULO")](a, b))

    def mp_pow(*args: Any) -> Any:
        _nargs(args, 2, 3)
        if len(args) == 3:
            if not all(isinstance(a, int) for a in args):
                raise mp_error("TypeError", "pow() with 3 arguments requires integers")
            if args[2] == 0:
                raise mp_error("ValueError", "pow() 3rd argument cannot be 0")
            return pow(*args)
        return BINARY[_index("POWER")](args[0], args[1])

    def mp_round(*args: Any) -> Any:
        _nargs(args, 1, 2)
        value = args[0]
        if len(args) == 1 or args[1] is None:
            if isinstance(value, float):
                from .types import to_int

                return (
                    to_int(round(value))
                    if value == value and abs(value) != float("inf")
                    else to_int(value)
                )
            return round(value)
        return round(value, args[1])

    def mp_chr(*args: Any) -> str:
        _nargs(args, 1, 1)
        code = to_int(args[0])
        if not 0 <= code <= 0x10FFFF:
            raise mp_error("ValueError", "chr() arg not in range(0x110000)")
        return chr(code)

    def mp_ord(*args: Any) -> int:
        _nargs(args, 1, 1)
        value = args[0]
        if isinstance(value, str | bytes | bytearray):
            if len(value) != 1:
                raise mp_error(
                    "TypeError",
                    f"ord() expected a character, but string of length {len(value)} found",
                )
            return value[0] if not isinstance(value, str) else ord(value)
        raise mp_error("TypeError", f"ord() expected a character, but {type_name(value)} found")

    def radix(fn: Any, name: str) -> Builtin:
        def impl(*args: Any) -> str:
            _nargs(args, 1, 1)
            return fn(to_int(args[0]))

        return Builtin(name, impl)

    def mp_repr(*args: Any) -> str:
        _nargs(args, 1, 1)
        return to_repr(args[0])

    def mp_iter(*args: Any) -> Any:
        _nargs(args, 1, 2)
        if len(args) == 2:
            return iter(args[0], args[1])
        return get_iter(args[0])

    def mp_next(*args: Any) -> Any:
        _nargs(args, 1, 2)
        it = args[0]
        if not hasattr(it, "__next__"):
            raise mp_error("TypeError", f"'{type_name(it)}' object isn't an iterator")
        try:
            return next(it)
        except StopIteration as stop:
            if len(args) == 2:
                return args[1]
            raise MpException(EXC_TYPES["StopIteration"], stop.args) from None
        except MpException as exc:
            if len(args) == 2 and EXC_TYPES["StopIteration"] in exc.mp_type.mro:
                return args[1]
            raise

    def mp_globals(*args: Any) -> dict[str, Any]:
        _nargs(args, 0, 0)
        return current_scope()[0]

    def mp_locals(*args: Any) -> dict[str, Any]:
        _nargs(args, 0, 0)
        return current_scope()[1]

    def mp_dir(*args: Any) -> list[str]:
        _nargs(args, 0, 1)
        if not args:
            return sorted(current_scope()[1])
        obj = args[0]
        names: set[str] = set()
        if isinstance(obj, InstanceBase):
            names.update(obj.mp_dict)
            for t in obj.mp_type.mro:
                names.update(t.dict)
        elif isinstance(obj, MpType):
            for t in obj.mro:
                names.update(t.dict)
        elif hasattr(obj, "dict") and isinstance(obj.dict, dict):
            names.update(obj.dict)
        else:
            from .attrs import METHODS

            names.update(METHODS.get(type(obj), ()))
        return sorted(names)

    def mp_exec_eval(mode: str):
        def impl(*args: Any) -> Any:
            _nargs(args, 1, 3)
            source = args[0]
            if isinstance(source, bytes | bytearray):
                source = bytes(source).decode()
            scope_globals, scope_names = current_scope()
            globals_ = args[1] if len(args) > 1 and args[1] is not None else scope_globals
            locals_ = args[2] if len(args) > 2 else (globals_ if len(args) > 1 else scope_names)
            return vm.importer.exec_source(source, mode, globals_, locals_)

        return Builtin(mode, impl)

    def mp_compile(*args: Any) -> Any:
        raise mp_error("NotImplementedError", "compile")

    def mp_input(*args: Any) -> str:
        if args:
            vm.write(to_str(args[0]))
        import sys

        line = sys.stdin.readline()
        if not line:
            raise mp_error("EOFError")
        return line.rstrip("\n")

    def mp_open(*args: Any, **kwargs: Any) -> Any:
        from .modules.io import open_file

        return open_file(*args, **kwargs)

    def build_class(*args: Any, **kwargs: Any) -> Any:
        return vm.build_class(*args, **kwargs)

    table: dict[str, Any] = {
        "print": Builtin("print", mp_print),
        "len": Builtin("len", mp_len),
        "abs": Builtin("abs", mp_abs),
        "min": min_max(True, "min"),
        "max": min_max(False, "max"),
        "sum": Builtin("sum", mp_sum),
        "all": Builtin("all", mp_all),
        "any": Builtin("any", mp_any),
        "sorted": Builtin("sorted", mp_sorted),
        "isinstance": Builtin("isinstance", mp_isinstance),
        "issubclass": Builtin("issubclass", mp_issubclass),
        "getattr": Builtin("getattr", mp_getattr),
        "setattr": Builtin("setattr", mp_setattr),
        "delattr": Builtin("delattr", mp_delattr),
        "hasattr": Builtin("hasattr", mp_hasattr),
        "callable": Builtin("callable", mp_callable),
        "hash": Builtin("hash", mp_hash),
        "id": Builtin("id", mp_id),
        "divmod": Builtin("divmod", mp_divmod),
        "pow": Builtin("pow", mp_pow),
        "round": Builtin("round", mp_round),
        "chr": Builtin("chr", mp_chr),
        "ord": Builtin("ord", mp_ord),
        "hex": radix(hex, "hex"),
        "oct": radix(oct, "oct"),
        "bin": radix(bin, "bin"),
        "repr": Builtin("repr", mp_repr),
        "iter": Builtin("iter", mp_iter),
        "next": Builtin("next", mp_next),
        "globals": Builtin("globals", mp_globals),
        "locals": Builtin("locals", mp_locals),
        "dir": Builtin("dir", mp_dir),
        "exec": mp_exec_eval("exec"),
        "eval": mp_exec_eval("eval"),
        "compile": Builtin("compile", mp_compile),
        "input": Builtin("input", mp_input),
        "open": Builtin("open", mp_open),
        "__build_class__": Builtin("__build_class__", build_class),
        "__import__": Builtin(
            "__import__",
            lambda name, g=None, lc=None, fromlist=None, level=0: vm.importer.import_name(
                name, fromlist, level, g or {}
            ),
        ),
        "NotImplemented": NotImplemented,
        "Ellipsis": Ellipsis,
        "__name__": "builtins",
    }
    for name, t in BUILTIN_TYPES.items():
        if t.ctor is not None:
            table[name] = t
    table.update(EXC_TYPES)
    return table


def _sort(items: list[Any], key: Any, reverse: Any) -> None:
    try:
        items.sort(key=key, reverse=bool(reverse))
    except TypeError:
        a, b = (items[0], items[1]) if len(items) > 1 else (None, None)
        raise mp_error(
            "TypeError", f"unsupported types for __lt__: '{type_name(a)}', '{type_name(b)}'"
        ) from None


def _index(name: str) -> int:
    from ..mpy.opcodes import BINARY_OPS

    return BINARY_OPS.index(name)


__all__ = ["make_builtins", "type_of", "contains"]
