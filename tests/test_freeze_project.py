"""Freezing a project: manifests (.yaml and MicroPython's manifest.py), packages, ready
.mpy files, `mpforge freeze`, and frozen modules on unix and PYBV10 (QEMU) printing what
the same modules print when run from .mpy files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from buildkit import scons
from mpforge.cli import main as cli_main
from mpforge.errors import MpforgeError
from mpforge.freeze.manifest import load_manifest
from mpforge.freeze.project import freeze_manifest
from mpforge.mpy.mpyfile import load_mpy

APP = {
    "main.py": "def twice(x):\n    return x * 2\nprint('main', twice(21), 'a string constant')\n",
    "src/pkg/__init__.py": "print('pkg init', 1 + 2)\n",
    "src/pkg/util.py": "def f(n):\n    return n + 1\nprint('pkg.util', f(41))\n",
    "src/pkg/sub/__init__.py": "print('pkg.sub')\n",
    "src/pkg/sub/deep.py": "for i in range(3):\n    print('deep', i)\n",
    "src/tool.py": "print('tool')\n",
    "src/test_tool.py": "print('not frozen')\n",
    "extra/extra.py": "print('extra')\n",
}


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def mpy_cross(src: Path, out: Path, *flags: str) -> Path:
    subprocess.run(
        [sys.executable, "-m", "mpy_cross_v6", *flags, str(src), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def test_manifest_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, APP)
    (tmp_path / "extra" / "manifest.yaml").write_text("modules: [extra.py]\n")
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(
        "modules: [main.py]\n"
        "packages: [src/pkg]\n"
        "directories:\n"
        "  - path: src\n"
        "    exclude: ['test_*', 'pkg/*']\n"
        "opt: 2\n"
        "include: [extra/manifest.yaml]\n"
    )
    monkeypatch.chdir("/")  # paths resolve against the manifest, not the current directory
    modules = load_manifest(manifest)
    names = [m.name for m in modules]
    assert names == ["extra", "main", "pkg", "pkg.sub", "pkg.sub.deep", "pkg.util", "tool"]
    by_name = {m.name: m for m in modules}
    assert by_name["pkg"].is_package and by_name["pkg.sub"].is_package
    assert not by_name["pkg.util"].is_package
    assert by_name["pkg.util"].source_name == "pkg/util.py"
    assert by_name["main"].opt == 2 and by_name["extra"].opt == 2


def test_manifest_yaml_missing_file_names_the_line(tmp_path: Path) -> None:
    write(tmp_path, APP)
    text = "modules:\n  - main.py\n  - absent.py\n"
    (tmp_path / "manifest.yaml").write_text(text)
    with pytest.raises(MpforgeError) as err:
        load_manifest(tmp_path / "manifest.yaml")
    line = line_of(text, "absent.py")
    assert str(err.value).endswith(f"manifest.yaml:{line}: no such file: {tmp_path}/absent.py")
    text = "directories:\n  - path: src\n  - path: nowhere\n"
    (tmp_path / "manifest.yaml").write_text(text)
    with pytest.raises(MpforgeError) as err:
        load_manifest(tmp_path / "manifest.yaml")
    assert f"manifest.yaml:{line_of(text, 'nowhere')}: no such directory: " in str(err.value)


def test_manifest_py(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, APP)
    lib = tmp_path / "micropython-lib"
    write(
        lib,
        {
            "python-stdlib/textfmt/manifest.py": "metadata(version='0.1')\nmodule('textfmt.py')\n",
            "python-stdlib/textfmt/textfmt.py": "print('textfmt')\n",
            "micropython/netkit/manifest.py": "require('textfmt')\npackage('netkit')\n",
            "micropython/netkit/netkit/__init__.py": "print('netkit')\n",
            "micropython/netkit/netkit/io.py": "print('netkit.io')\n",
        },
    )
    manifest = tmp_path / "manifest.py"
    manifest.write_text(
        "metadata(description='app', version='1.0')\n"
        "options.defaults(extra=True)\n"
        "module('main.py')\n"
        "package('pkg', base_path='src')\n"
        "freeze('src', 'tool.py', opt=3)\n"
        "if options.extra:\n"
        "    include('extra_manifest.py')\n"
        "require('netkit')\n"
    )
    (tmp_path / "extra_manifest.py").write_text("freeze('$(MPY_LIB_DIR)/../extra')\n")
    monkeypatch.chdir("/")
    monkeypatch.setenv("MPY_LIB_DIR", str(lib))
    modules = load_manifest(manifest)
    assert [m.name for m in modules] == [
        "main", "pkg", "pkg.sub", "pkg.sub.deep", "pkg.util", "tool", "extra",
        "textfmt", "netkit", "netkit.io",
    ]  # fmt: skip
    assert {m.name: m.opt for m in modules}["tool"] == 3
    monkeypatch.delenv("MPY_LIB_DIR")
    assert [m.name for m in load_manifest(manifest, lib_dir=lib)] == [m.name for m in modules]


def test_manifest_py_errors_name_the_line(tmp_path: Path) -> None:
    write(tmp_path, APP)
    cases = {
        "module('main.py')\n\nmodule('gone.py')\n": "no such file: ",
        "require('anything')\n": "require() needs a micropython-lib checkout",
        "import os\n": "ImportError",
        "freeze(\n": "SyntaxError",
    }
    for text, what in cases.items():
        (tmp_path / "manifest.py").write_text(text)
        with pytest.raises(MpforgeError) as err:
            load_manifest(tmp_path / "manifest.py")
        line = text.count("\n") if "gone" in text else 1
        assert f"manifest.py:{line}: " in str(err.value) and what in str(err.value), str(err.value)


def test_ready_mpy_is_checked(tmp_path: Path) -> None:
    write(tmp_path, APP)
    good = mpy_cross(tmp_path / "main.py", tmp_path / "good.mpy")
    old = tmp_path / "old.mpy"
    old.write_bytes(good.read_bytes()[:1] + b"\x05" + good.read_bytes()[2:])
    (tmp_path / "nat.py").write_text("@micropython.native\ndef f():\n    return 1\n")
    mpy_cross(tmp_path / "nat.py", tmp_path / "nat.mpy", "-march=armv7emsp")
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("modules: [good.mpy]\n")
    result = freeze_manifest(manifest)
    assert '{"good", ' in result.files["frozen_content.c"]
    for name, words in (
        ("old.mpy", ["offset 1", "version 5", "mpy-cross v1.12 to v1.18", "mpforge compile"]),
        ("nat.mpy", ["offset 2", "native code for armv7emsp", "-march=armv7emsp", "compile"]),
    ):  # fmt: skip
        manifest.write_text(f"modules: [{name}]\n")
        with pytest.raises(MpforgeError) as err:
            freeze_manifest(manifest)
        assert all(w in str(err.value) for w in words), str(err.value)


@pytest.mark.parametrize("cc", ["gcc", "arm-none-eabi-gcc"])
def test_mpforge_freeze_output_compiles_with_werror(tmp_path: Path, cc: str) -> None:
    write(tmp_path, APP)
    (tmp_path / "manifest.yaml").write_text("modules: [main.py]\npackages: [src/pkg]\n")
    out = tmp_path / "out" / "frozen.c"
    assert cli_main(["freeze", str(tmp_path / "manifest.yaml"), "-o", str(out)]) == 0
    runtime = Path(__file__).resolve().parents[1] / "runtime"
    result = subprocess.run(
        [cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-c", str(out), f"-I{runtime}",
         f"-I{out.parent}", "-o", str(tmp_path / "frozen.o")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


# -- on the targets ------------------------------------------------------------------------


def _project(base: Path) -> tuple[Path, dict[str, Path]]:
    """A project whose main is a ready .mpy and whose package comes from source."""
    write(base, APP)
    mpys = {}
    for name, rel in (("main", "main.py"), ("pkg.util", "src/pkg/util.py"),
                      ("pkg.sub.deep", "src/pkg/sub/deep.py")):  # fmt: skip
        mpys[name] = mpy_cross(base / rel, base / f"{name}.mpy")
    (base / "ready").mkdir(exist_ok=True)
    (base / "ready" / "main.mpy").write_bytes(mpys["main"].read_bytes())
    manifest = base / "manifest.py"
    manifest.write_text("module('main.mpy', base_path='ready')\npackage('pkg', base_path='src')\n")
    return manifest, mpys


def _build(board: str, base: Path) -> tuple[Path, dict[str, Path]]:
    manifest, mpys = _project(base / "src")
    out = base / "build"
    result = scons(f"board={board}", f"build_dir={out}", f"manifest={manifest}")
    assert result.returncode == 0, result.stdout + result.stderr
    return out, mpys


@pytest.fixture(scope="module")
def unix_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    return _build("unix", tmp_path_factory.mktemp("unix"))


def test_frozen_main_on_unix_prints_what_its_mpy_prints(unix_build) -> None:
    out, mpys = unix_build
    frozen = subprocess.run([str(out / "firmware")], capture_output=True, text=True, timeout=30)
    for_mpy = subprocess.run(
        [str(out / "firmware"), str(mpys["main"])], capture_output=True, text=True, timeout=30
    )
    assert (frozen.returncode, frozen.stdout) == (for_mpy.returncode, for_mpy.stdout)
    assert frozen.returncode == 0 and frozen.stdout.startswith("main 42")
    text = (out / "genhdr" / "frozen_content.c").read_text()
    for name in ("main", "pkg", "pkg.util", "pkg.sub", "pkg.sub.deep"):
        assert f'{{"{name}", ' in text
    assert load_mpy((out / "frozen" / "main.mpy").read_bytes()) == load_mpy(
        mpys["main"].read_bytes()
    )


def test_frozen_package_modules_on_pybv10_print_what_their_mpy_prints(
    unix_build, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from mpforge.deploy.qemu import run_qemu

    unix_out, _ = unix_build
    out, mpys = _build("PYBV10", tmp_path_factory.mktemp("pyb"))
    for name in ("main", "pkg.util", "pkg.sub.deep"):
        result = run_qemu(out / "firmware.elf", "netduinoplus2", module=name, timeout=60, echo=None)
        for_mpy = subprocess.run(
            [str(unix_out / "firmware"), str(mpys[name])], capture_output=True, text=True
        )
        assert (result.status, result.output) == (0, for_mpy.stdout), name
