"""Import (py/builtinimport.c): built-in modules first, then .mpy, .py and packages
found on `sys.path` (the script's directory first, as MicroPython's unix port does)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import MpforgeError
from ..mpy.mpyfile import CompiledModule, load_mpy
from .objects import MISSING, Module, mp_error

if TYPE_CHECKING:
    from .interp import Interpreter

# name -> module of mpforge.vm.modules providing `make(vm) -> dict`; `u`-prefixed
# aliases (MicroPython's older names) map to the same module
BUILTIN_MODULES = {
    "sys": "sys", "micropython": "micropython", "gc": "gc", "math": "math",
    "cmath": "cmath", "struct": "struct", "array": "array", "collections": "collections",
    "io": "io", "json": "json", "re": "re", "binascii": "binascii", "hashlib": "hashlib",
    "random": "random", "time": "time", "errno": "errno", "os": "os",
    "asyncio": "asyncio", "uasyncio": "asyncio", "builtins": "builtins_mod",
    "ustruct": "struct", "uarray": "array", "ucollections": "collections", "uio": "io",
    "ujson": "json", "ure": "re", "ubinascii": "binascii", "uhashlib": "hashlib",
    "urandom": "random", "utime": "time", "uerrno": "errno", "uos": "os", "usys": "sys",
}  # fmt: skip


class Importer:
    def __init__(self, vm: Interpreter, argv: list[str]) -> None:
        self.vm = vm
        self.modules: dict[str, Module] = {}
        self.argv = argv
        self.path: list[str] = ["", ".frozen"]

    def register_main(self, name: str, globals_: dict[str, Any], module: CompiledModule) -> None:
        source = Path(module.qstrs[0])
        if source.parent != Path("."):
            self.path[0] = str(source.parent)
        main = Module(name, globals_)
        self.modules[name] = main

    def set_script_dir(self, directory: str) -> None:
        self.path[0] = directory

    def builtin(self, name: str) -> Module | None:
        if name in self.modules:
            return self.modules[name]
        impl = BUILTIN_MODULES.get(name)
        if impl is None:
            return None
        py_mod = importlib.import_module(f"mpforge.vm.modules.{impl}")
        attrs = py_mod.make(self.vm)
        attrs.setdefault("__name__", name)
        module = Module(name, attrs)
        self.modules[name] = module
        return module

    def import_name(self, name: str, fromlist: Any, level: int, globals_: dict[str, Any]) -> Any:
        if level:
            package = globals_.get("__name__", "")
            if "__path__" not in globals_:
                package = package.rpartition(".")[0]
            for _ in range(level - 1):
                package = package.rpartition(".")[0]
            if not package:
                raise mp_error("ImportError", "can't perform relative import")
            name = f"{package}.{name}" if name else package
        parts = name.split(".")
        top = None
        module = None
        for i in range(len(parts)):
            dotted = ".".join(parts[: i + 1])
            module = self._load(dotted, module)
            if top is None:
                top = module
        if fromlist is not None and fromlist is not MISSING:
            return module
        return top

    def _load(self, dotted: str, parent: Module | None) -> Module:
        if dotted in self.modules:
            return self.modules[dotted]
        if parent is None:
            module = self.builtin(dotted)
            if module is not None:
                return module
        name = dotted.rpartition(".")[2]
        search = [Path(p) for p in self.path if p != ".frozen"]
        if parent is not None:
            pkg_path = parent.dict.get("__path__")
            search = [Path(pkg_path)] if pkg_path else []
        for directory in search:
            base = directory / name
            if (base / "__init__.py").exists() or (base / "__init__.mpy").exists():
                init = base / "__init__.mpy"
                if not init.exists():
                    init = base / "__init__.py"
                return self._exec_file(dotted, init, package_dir=base)
            if base.is_dir():
                module = Module(dotted, {"__name__": dotted, "__path__": str(base)})
                self._bind(dotted, module)
                return module
            for suffix in (".mpy", ".py"):
                path = base.with_suffix(suffix)
                if path.exists():
                    return self._exec_file(dotted, path)
        raise mp_error("ImportError", f"no module named '{dotted}'")

    def _bind(self, dotted: str, module: Module) -> None:
        self.modules[dotted] = module
        parent, _, leaf = dotted.rpartition(".")
        if parent and parent in self.modules:
            self.modules[parent].dict[leaf] = module

    def _exec_file(self, dotted: str, path: Path, package_dir: Path | None = None) -> Module:
        globals_: dict[str, Any] = {"__name__": dotted, "__file__": str(path)}
        if package_dir is not None:
            globals_["__path__"] = str(package_dir)
        module = Module(dotted, globals_)
        self._bind(dotted, module)
        try:
            compiled = self.load(path)
            self.vm.exec_module(compiled, globals_)
        except BaseException:
            self.modules.pop(dotted, None)
            raise
        return module

    def load(self, path: Path) -> CompiledModule:
        data = path.read_bytes()
        if path.suffix == ".mpy":
            return load_mpy(data, str(path))
        return self.compile(data.decode(), str(path))

    def compile(self, text: str, source_name: str) -> CompiledModule:
        from ..compiler import compile_module

        try:
            return compile_module(text, source_name)
        except MpforgeError as err:
            message = getattr(err, "message", None) or str(err)
            raise mp_error("SyntaxError", message) from None

    def import_from(self, module: Any, name: str) -> Any:
        if isinstance(module, Module):
            value = module.dict.get(name, MISSING)
            if value is MISSING:
                dotted = f"{module.name}.{name}"
                if "__path__" in module.dict:
                    try:
                        return self._load(dotted, module)
                    except Exception:
                        pass
                raise mp_error("ImportError", f"can't import name {name}")
            return value
        from .attrs import load_attr

        return load_attr(module, name)

    def exec_source(
        self, source: str, mode: str, globals_: dict[str, Any], locals_: dict[str, Any]
    ) -> Any:
        if mode == "eval":
            text = f"__mpforge_eval_result__ = ({source.strip()})\n"
        else:
            text = source
        compiled = self.compile(text, "<string>")
        from .interp import Frame

        fun = self.vm.make_module_function(compiled, globals_)
        frame = Frame(self.vm, fun, names=locals_)
        self.vm.run_frame(frame)
        if mode == "eval":
            return locals_.pop("__mpforge_eval_result__", None)
        return None
