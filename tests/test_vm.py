"""Behaviour of the Python-hosted VM beyond plain output: tracebacks, exit statuses,
error messages, recursion depth, the dispatch table.

Where MicroPython and CPython agree (which frames a traceback lists and their line
numbers, exit statuses) the expected values come from running the same program on
CPython; where they differ on purpose (message wording) they come from MicroPython's
sources (py/runtime.c, py/obj.c, ports/unix/main.c).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from conformance import reference_mpy
from mpforge import cli
from mpforge.mpy import opcodes as opc
from mpforge.mpy.mpyfile import load_mpy
from mpforge.mpy.prelude import decode_prelude
from mpforge.vm import VMError, run_module
from mpforge.vm.interp import DISPATCH, MAX_CALL_DEPTH, Frame


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str


def write_program(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "prog.py"
    path.write_text(textwrap.dedent(source))
    return path


def run_vm(path: Path) -> Run:
    module = load_mpy(reference_mpy(path, path.parent), path.name)
    out = io.StringIO()
    err = io.StringIO()
    status = run_module(module, stdout=out, stderr=err)
    return Run(status, out.getvalue(), err.getvalue())


def run_cpython(path: Path) -> Run:
    result = subprocess.run(
        [sys.executable, path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return Run(result.returncode, result.stdout, result.stderr)


_FRAME_LINE = re.compile(r'^  File "([^"]+)", line (\d+), in (\S+)$', re.MULTILINE)


def frames(traceback: str) -> list[tuple[str, int, str]]:
    # CPython names the script by its absolute path, mpy-cross as it was given
    return [(Path(f).name, int(n), b) for f, n, b in _FRAME_LINE.findall(traceback)]


# -- tracebacks ------------------------------------------------------------------------

TRACEBACK_PROGRAMS = {
    "call_chain": """\
        def inner(a, b):
            print("inner", a, b)
            return a // b

        def middle(x):
            y = x - 3
            return inner(x, y)

        print("start")
        for i in range(5):
            print(middle(i + 1))
        """,
    "module_level": """\
        x = 10
        y = 0
        print(x)
        while x > 0:
            x -= 4
            print(x % y)
        """,
    "name_error_in_function": """\
        def f(n):
            if n > 2:
                return undefined_name
            return f(n + 1)

        print(f(0))
        """,
}


@pytest.mark.parametrize("name", sorted(TRACEBACK_PROGRAMS))
def test_traceback_frames_and_lines_match_cpython(name: str, tmp_path: Path) -> None:
    path = write_program(tmp_path, TRACEBACK_PROGRAMS[name])
    vm = run_vm(path)
    ref = run_cpython(path)
    assert vm.status == ref.status == 1
    assert vm.stdout == ref.stdout
    # same frames, same lines, same order; MicroPython prints no source lines
    lines = vm.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert frames(vm.stderr) == frames(ref.stderr)
    assert lines[1:-1] == [f'  File "{f}", line {n}, in {b}' for f, n, b in frames(ref.stderr)]
    assert lines[-1].split(":")[0] == ref.stderr.splitlines()[-1].split(":")[0]


def test_traceback_text_is_micropythons(tmp_path: Path) -> None:
    path = write_program(tmp_path, TRACEBACK_PROGRAMS["call_chain"])
    vm = run_vm(path)
    ref = frames(run_cpython(path).stderr)
    expected = "Traceback (most recent call last):\n"
    expected += "".join(f'  File "{f}", line {n}, in {b}\n' for f, n, b in ref)
    expected += "ZeroDivisionError: divide by zero\n"
    assert vm.stderr == expected


@pytest.mark.parametrize(
    ("source", "last_line"),
    [
        ("print(missing)\n", "NameError: name 'missing' isn't defined"),
        ("x = 1 + 'a'\n", "TypeError: unsupported types for __add__: 'int', 'str'"),
        ("x = 'a' + 1\n", "TypeError: can't convert 'int' object to str implicitly"),
        ("x = 5 % 0\n", "ZeroDivisionError: divide by zero"),
        ("x = 1 < 'a'\n", "TypeError: unsupported types for __lt__: 'int', 'str'"),
        ("x = -'a'\n", "TypeError: unsupported type for __neg__: 'str'"),
        ("x = 1 << -1\n", "ValueError: negative shift count"),
        (
            "def f(a, b):\n    pass\nf(1, 2, 3)\n",
            "TypeError: function takes 2 positional arguments but 3 were given",
        ),
        ("x = 5\nx()\n", "TypeError: 'int' object isn't callable"),
        ("for c in 5:\n    pass\n", "TypeError: 'int' object isn't iterable"),
        ("raise ValueError\n", "ValueError: "),
        ("raise ValueError('bad value')\n", "ValueError: bad value"),
        ("raise ValueError('a', 2)\n", "ValueError: ('a', 2)"),
        ("for i in range(1, 5, 0):\n    pass\n", "ValueError: zero step"),
        ("x = 'ab' * 2 ** 70\n", "OverflowError: overflow converting long int to machine word"),
    ],
)
def test_error_messages_in_micropythons_words(source: str, last_line: str, tmp_path: Path) -> None:
    path = write_program(tmp_path, source)
    vm = run_vm(path)
    ref = run_cpython(path)
    assert vm.status == ref.status == 1
    assert vm.stderr.splitlines()[-1] == last_line
    assert frames(vm.stderr) == frames(ref.stderr)


def test_uncaught_exception_keeps_earlier_output_on_stdout(tmp_path: Path) -> None:
    path = write_program(tmp_path, 'print("before")\nx = 1 // 0\nprint("after")\n')
    vm = run_vm(path)
    assert vm.stdout == run_cpython(path).stdout == "before\n"
    assert "before" not in vm.stderr


# -- exit statuses ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "print('fine')\n",
        "raise SystemExit\n",
        "raise SystemExit(3)\n",
        "raise SystemExit(0)\n",
        "raise SystemExit(261)\n",
        "raise SystemExit(None)\n",
        "def f():\n    raise SystemExit(7)\nf()\n",
        "x = 1 // 0\n",
    ],
)
def test_exit_status_matches_cpython(source: str, tmp_path: Path) -> None:
    path = write_program(tmp_path, source)
    vm = run_vm(path)
    ref = run_cpython(path)
    assert vm.status == ref.status
    assert vm.stdout == ref.stdout


def test_system_exit_prints_nothing(tmp_path: Path) -> None:
    # ports/unix/main.c returns SystemExit's code without reporting the exception;
    # a non-int code gives status 1 (CPython agrees on the status, but prints the text)
    path = write_program(tmp_path, "raise SystemExit('bye')\n")
    vm = run_vm(path)
    assert vm.status == run_cpython(path).status == 1
    assert vm.stderr == ""


# -- recursion -------------------------------------------------------------------------


def test_unbounded_recursion_raises_runtime_error(tmp_path: Path) -> None:
    path = write_program(
        tmp_path,
        """\
        def down(n):
            return down(n + 1)

        print("go")
        down(0)
        """,
    )
    host_limit = sys.getrecursionlimit()
    vm = run_vm(path)
    ref = run_cpython(path)
    assert sys.getrecursionlimit() == host_limit
    assert vm.status == ref.status == 1
    assert vm.stdout == ref.stdout == "go\n"
    assert vm.stderr.splitlines()[-1] == "RuntimeError: maximum recursion depth exceeded"
    tb = frames(vm.stderr)
    assert tb[0] == ("prog.py", 5, "<module>")
    assert set(tb[1:]) == {("prog.py", 2, "down")}
    assert len(tb) == MAX_CALL_DEPTH


def test_recursion_as_deep_as_cpython_allows(tmp_path: Path) -> None:
    path = write_program(
        tmp_path,
        """\
        def depth(n):
            if n == 0:
                return 0
            return 1 + depth(n - 1)

        print(depth(990))
        """,
    )
    vm = run_vm(path)
    ref = run_cpython(path)
    assert ref.status == 0
    assert (vm.status, vm.stdout) == (ref.status, ref.stdout)


# -- dispatch --------------------------------------------------------------------------


def test_every_opcode_number_dispatches_to_its_named_handler() -> None:
    for number, info in opc.BY_NUMBER.items():
        handler = getattr(Frame, f"op_{info.name}", None)
        if handler is not None:
            assert DISPATCH[number] is handler
    for rng in opc.MULTI_RANGES:
        for number in range(rng.base, rng.base + rng.count):
            assert DISPATCH[number] is getattr(Frame, f"op_{rng.name}")


def test_unknown_opcode_fails_loudly(tmp_path: Path) -> None:
    used = set(opc.BY_NUMBER)
    for rng in opc.MULTI_RANGES:
        used.update(range(rng.base, rng.base + rng.count))
    bad = min(set(range(256)) - used)
    path = write_program(tmp_path, "x = 1\n")
    module = load_mpy(reference_mpy(path, tmp_path), path.name)
    root = module.root
    start = decode_prelude(root.fun_data).code_offset
    patched = root.fun_data[:start] + bytes([bad]) + root.fun_data[start + 1 :]
    module.root = replace(root, fun_data=patched)
    with pytest.raises(VMError, match=f"invalid opcode 0x{bad:02x} at offset 0 in <module>"):
        run_module(module, stdout=io.StringIO(), stderr=io.StringIO())


def test_cpython_only_methods_are_absent(tmp_path: Path) -> None:
    # MicroPython's str has no title() (py/objstr.c's locals table): an AttributeError
    # in MicroPython's words, where CPython would print "Abc"
    path = write_program(tmp_path, "print('abc'.upper())\nprint('abc'.title())\n")
    vm = run_vm(path)
    assert vm.stdout == "ABC\n"
    assert vm.stderr.splitlines()[-1] == "AttributeError: 'str' object has no attribute 'title'"


# -- the command line -------------------------------------------------------------------


def test_mpforge_run_mpy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_program(tmp_path, "print('hi', 6 * 7)\nraise SystemExit(4)\n")
    mpy = tmp_path / "prog.mpy"
    mpy.write_bytes(reference_mpy(path, tmp_path))
    status = cli.main(["run", str(mpy), "extra", "args"])
    assert status == run_cpython(path).status == 4
    assert capsys.readouterr().out == run_cpython(path).stdout


def test_mpforge_run_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.mpy"
    assert cli.main(["run", str(missing)]) == 1
    assert (
        capsys.readouterr().err
        == f"mpforge: {missing}: can't open file: No such file or directory\n"
    )


# -- trace and coverage ------------------------------------------------------------------


def test_mpforge_run_coverage_reports_missed_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = "def f(x):\n    if x:\n        return 1\n    return 2\nprint(f(1))\n"
    path = write_program(tmp_path, source)
    assert cli.main(["run", "--coverage", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "1"
    row = out.splitlines()[-1].split()
    # lines 1, 2, 3, 5 have code and ran except `return 2` on line 4
    assert row[1:] == ["4", "3", "75.0%", "4"]


def test_mpforge_run_trace_names_each_instruction_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_program(tmp_path, "x = 1\nprint(x + 2)\n")
    assert cli.main(["run", "--trace", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "3\n"
    ops = [line.split()[3] for line in captured.err.splitlines()]
    assert "BINARY_OP_MULTI" in ops and ops[-1] == "RETURN_VALUE"
    assert captured.err.splitlines()[0].startswith(f"{path}:1\t<module>")


# -- the translator (vm/translate.py) -------------------------------------------------

_SUITE_PROGRAMS = sorted(
    p
    for suite in ("basics", "builtins", "datatypes", "classes", "exceptions", "float")
    for p in (Path(__file__).parent / suite).glob("*.py")
)


def _run_both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple, tuple]:
    """(translated run, interpreted run): status, stdout and stderr with addresses
    blanked."""
    import mpforge.vm.interp as interp
    from mpforge.compiler import compile_module

    module = compile_module(path.read_text(), str(path))

    def once() -> tuple:
        out, err = io.StringIO(), io.StringIO()
        status = run_module(module, stdout=out, stderr=err, search_dir=str(path.parent))
        return (status, *(re.sub(r"0x[0-9a-f]+", "0x", s.getvalue()) for s in (out, err)))

    translated = once()
    with monkeypatch.context() as patch:
        patch.setattr(interp, "translation", lambda *args: None)
        interpreted = once()
    return translated, interpreted


@pytest.mark.parametrize("path", _SUITE_PROGRAMS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_translated_functions_behave_as_interpreted(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # output, exit status and the whole traceback (files, lines, functions) agree
    translated, interpreted = _run_both_ways(path, monkeypatch)
    assert translated == interpreted


def test_traceback_lines_through_translated_frames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_program(
        tmp_path,
        """\
        def g(x):
            return [1, 2][x]
        def f(x):
            y = g(
                x)
            return y
        def h():
            f(0)
            f(
              5)
        h()
        """,
    )
    translated, interpreted = _run_both_ways(path, monkeypatch)
    assert translated == interpreted
    assert frames(translated[2]) == frames(run_cpython(path).stderr)


def test_benchmark_functions_are_translated() -> None:
    from mpforge.compiler import compile_module
    from mpforge.vm.translate import translation

    bench = Path(__file__).parent.parent / "bench" / "vm_programs"
    for path in sorted(bench.glob("*.py")):
        module = compile_module(path.read_text(), path.name)
        todo = [module.root]
        while todo:
            raw = todo.pop()
            todo.extend(raw.children)
            source = raw.fun_data
            # class bodies and generator expressions are the interpreter's
            prelude = decode_prelude(source)
            name = module.qstrs[prelude.name_index]
            if prelude.signature.scope_flags & 1 or name in ("Record", "Vec"):
                continue
            assert translation(raw, module, VMError) is not None, (path.name, name)
