"""Differential tests: `mpforge compile` against the reference mpy-cross v1.19 (.mpy v6).

Every conformance program, every compiler case and a few hundred seeded random
programs must compile to the same bytes; programs mpy-cross rejects must be rejected
with the same exception, message and line.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conformance import programs
from mpforge.compiler import CompileError, compile_file, compile_source
from program_gen import random_program

TESTS = Path(__file__).parent
PROGRAMS = programs("basics", "bigint", "compiler_cases")


def mpy_cross(src: Path, out: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mpy_cross_v6", str(src), "-o", str(out), *args],
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_bytes_as_mpy_cross(program: Path, tmp_path: Path) -> None:
    ref = tmp_path / "ref.mpy"
    result = mpy_cross(program, ref, "-s", program.name)
    assert result.returncode == 0, result.stderr
    assert compile_file(program, program.name) == ref.read_bytes()


@pytest.mark.parametrize("chunk", range(8))
def test_random_programs_same_bytes(chunk: int, tmp_path: Path) -> None:
    for seed in range(chunk * 40, chunk * 40 + 40):
        src = random_program(seed)
        path = tmp_path / f"gen{seed}.py"
        path.write_text(src)
        ref = tmp_path / f"gen{seed}.mpy"
        assert mpy_cross(path, ref).returncode == 0
        assert compile_source(src, str(path)) == ref.read_bytes(), f"seed {seed}"


@pytest.mark.parametrize("bits", [16, 31])
def test_small_int_bits_option(bits: int, tmp_path: Path) -> None:
    src = tmp_path / "ints.py"
    src.write_text("x = 100000\ny = -40000\nz = 1 << 20\nprint(x, y, z)\n")
    ref = tmp_path / "ref.mpy"
    assert mpy_cross(src, ref, f"-msmall-int-bits={bits}").returncode == 0
    assert compile_file(src, small_int_bits=bits) == ref.read_bytes()


REJECTED = {
    "indent": "if 1:\n  x = 1\n    y = 2\n",
    "dedent": "def f():\n    return 1\n  x = 2\n",
    "missing_colon": "x = 1\nif x\n  y\n",
    "bad_token": "x = 1\ny = $\n",
    "break_outside": "x = 1\nbreak\n",
    "continue_in_func": "def f():\n    continue\n",
    "return_outside": "return 5\n",
    "assign_to_call": "f() = 3\n",
    "assign_to_literal": "x = 1\n1 = x\n",
    "unterminated": "x = 'abc\n",
    "kwarg_then_pos": "print(sep='', 1)\n",
    "default_order": "def f(a=1, b):\n    pass\n",
    "arg_reused": "def f(a, a):\n    pass\n",
    "nonlocal_module": "nonlocal x\n",
    "const_not_constant": "from_x = 1\nX = const(from_x)\n",
}


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_same_rejection_as_mpy_cross(name: str, tmp_path: Path) -> None:
    src = tmp_path / f"{name}.py"
    src.write_text(REJECTED[name])
    result = mpy_cross(src, tmp_path / "out.mpy", "-s", src.name)
    assert result.returncode == 1
    with pytest.raises(CompileError) as info:
        compile_file(src, src.name)
    assert info.value.traceback_text() == result.stdout + result.stderr


def test_cli_output_matches_mpy_cross(tmp_path: Path) -> None:
    program = TESTS / "compiler_cases" / "control.py"
    ref = tmp_path / "ref.mpy"
    assert mpy_cross(program, ref, "-s", "control.py").returncode == 0
    out = tmp_path / "ours.mpy"
    cli = [sys.executable, "-m", "mpforge", "compile", str(program), "-o", str(out)]
    subprocess.run([*cli, "-s", "control.py"], check=True)
    assert out.read_bytes() == ref.read_bytes()


def test_cli_several_inputs_into_a_directory(tmp_path: Path) -> None:
    programs = PROGRAMS[:3]
    outdir = tmp_path / "out"
    cmd = [sys.executable, "-m", "mpforge", "compile", *map(str, programs), "-d", str(outdir)]
    subprocess.run(cmd, check=True)
    for program in programs:
        assert (outdir / program.with_suffix(".mpy").name).read_bytes() == compile_file(program)


def test_cli_parallel_batch_gives_the_same_files_and_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(REJECTED["missing_colon"])
    inputs = [*map(str, PROGRAMS[:6]), str(bad)]
    runs = {}
    for jobs in ("1", "2"):
        outdir = tmp_path / f"out{jobs}"
        cmd = [sys.executable, "-m", "mpforge", "compile", "-j", jobs, *inputs, "-d", str(outdir)]
        result = subprocess.run(cmd, capture_output=True, text=True)
        files = {p.name: p.read_bytes() for p in outdir.iterdir()}
        runs[jobs] = (result.returncode, result.stderr, files)
    assert runs["1"] == runs["2"]
    assert runs["1"][0] == 1 and "SyntaxError" in runs["1"][1] and len(runs["1"][2]) == 6


def test_cli_error_is_mpy_cross_traceback(tmp_path: Path) -> None:
    src = tmp_path / "bad.py"
    src.write_text(REJECTED["missing_colon"])
    ref = mpy_cross(src, tmp_path / "x.mpy", "-s", "bad.py")
    ours = subprocess.run(
        [sys.executable, "-m", "mpforge", "compile", str(src), "-s", "bad.py"],
        capture_output=True,
        text=True,
    )
    assert ours.returncode == 1
    assert ours.stderr == ref.stdout + ref.stderr


def test_native_code_is_refused_naming_the_construct_and_line(tmp_path: Path) -> None:
    src = tmp_path / "fast.py"
    src.write_text("import micropython\n@micropython.viper\ndef f(x):\n    return x\n")
    with pytest.raises(CompileError) as info:
        compile_file(src, "fast.py")
    assert str(info.value) == (
        'File "fast.py", line 2: NotImplementedError: '
        "@micropython.viper (native code) not supported yet by mpforge"
    )


@pytest.mark.parametrize("option", ["emit=native", "emit=viper"])
def test_native_emitters_are_refused(option: str, tmp_path: Path) -> None:
    src = tmp_path / "a.py"
    src.write_text("x = 1\n")
    result = subprocess.run(
        [sys.executable, "-m", "mpforge", "compile", str(src), "-X", option],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    expected = f"mpforge: -X {option}: only emit=bytecode is supported (native code is not)\n"
    assert result.stderr == expected


@pytest.mark.parametrize("level", [1, 2, 3])
def test_optimisation_levels(level: int, tmp_path: Path) -> None:
    program = TESTS / "compiler_cases" / "lines.py"
    ref = tmp_path / "ref.mpy"
    assert mpy_cross(program, ref, f"-O{level}").returncode == 0
    assert compile_file(program, optimize=level) == ref.read_bytes()
