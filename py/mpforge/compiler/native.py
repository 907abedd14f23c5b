"""The compiler built to C with mypyc, and the switch that uses it.

The lexer, parser and compiler are plain Python and stay the source of truth. mypyc
compiles those same files into extension modules, about twice as fast. They are built
beside the sources, in _native/<interpreter tag>/, never in place, so that a stale
build can never shadow an edited source:

    python3 tools/build_native.py        build (tools/setup.sh runs it)

`activate()` puts the build first on the package's search path only when the build's
stamp matches the sources as they are now (a SHA-256 over them); otherwise the Python
modules run, with one line on stderr saying why when a build exists but is out of date.
MPFORGE_PYTHON_COMPILER=1 forces the Python modules.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# the modules mypyc compiles; hostint stays Python (it subclasses int)
MODULES = ("lexer", "parsetree", "parser", "scope", "emitter", "compiler")
GROUP = "mpforge_compiler"  # the shared library holding all of them: <GROUP>__mypyc
FORCE_PYTHON_ENV = "MPFORGE_PYTHON_COMPILER"


def build_dir() -> Path:
    """Where the build for this interpreter lives."""
    return PACKAGE_DIR / "_native" / f"{sys.implementation.cache_tag}-{sysconfig.get_platform()}"


def sources_digest() -> str:
    """A digest of the interpreter and of every source mypyc reads for the build: the
    compiled modules and the Python ones whose types they rely on (the rest of this
    package, mpforge.mpy, mpforge.errors)."""
    digest = hashlib.sha256(sys.version.encode())
    package = PACKAGE_DIR.parent
    for path in sorted(
        [*PACKAGE_DIR.glob("*.py"), *(package / "mpy").glob("*.py"), package / "errors.py"]
    ):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _stamp() -> Path:
    return build_dir() / "sources.sha256"


def activate(package_path: list[str]) -> bool:
    """Put the native modules first on `package_path` (the package's __path__) when they
    are current; True when they are."""
    stamp = _stamp()
    if os.environ.get(FORCE_PYTHON_ENV) or not stamp.exists():
        return False
    if stamp.read_text().strip() != sources_digest():
        print(
            "mpforge: the native compiler is older than its sources, using the Python one "
            "(rebuild it: python3 tools/build_native.py)",
            file=sys.stderr,
        )
        return False
    # the per-module extensions import their shared library by its top-level name
    (library,) = build_dir().glob(f"{GROUP}__mypyc.*")
    loader = importlib.machinery.ExtensionFileLoader(f"{GROUP}__mypyc", str(library))
    spec = importlib.util.spec_from_file_location(loader.name, library, loader=loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[loader.name] = module
    loader.exec_module(module)
    package_path.insert(0, str(build_dir() / "mpforge" / "compiler"))
    return True


def build() -> Path:
    """Compile MODULES with mypyc into build_dir(); returns it."""
    out = build_dir()
    root = PACKAGE_DIR.parents[1]  # the directory holding the mpforge package
    with tempfile.TemporaryDirectory(prefix="mpforge-native-") as tmp:
        print(f"MYPYC mpforge.compiler: {', '.join(MODULES)}", flush=True)
        script = (
            "import sys\n"
            "from setuptools import setup\n"
            "from mypyc.build import mypycify\n"
            f"sys.argv = ['setup', 'build_ext', '--build-lib', {tmp + '/lib'!r},"
            f" '--build-temp', {tmp + '/obj'!r}, '-j', '2']\n"
            f"setup(name='mpforge-native', ext_modules=mypycify({_paths()!r},"
            f" opt_level='3', group_name={GROUP!r}, target_dir={tmp + '/c'!r}))\n"
        )
        env = dict(os.environ, **{FORCE_PYTHON_ENV: "1"})
        result = subprocess.run(
            [sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True
        )
        if result.returncode != 0:
            sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
            raise SystemExit(
                f"mpforge: building the native compiler failed (exit {result.returncode})"
            )
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(f"{tmp}/lib", out)
    _stamp().write_text(sources_digest() + "\n")
    print(f"native compiler built in {out.relative_to(root)}", flush=True)
    return out


def _paths() -> list[str]:
    return [f"mpforge/compiler/{name}.py" for name in MODULES]
