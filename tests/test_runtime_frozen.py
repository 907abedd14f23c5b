"""The C runtime on the unix port: frozen programs and .mpy arguments print what
CPython prints; errors give MicroPython's tracebacks; bad input never crashes."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_runtime_gcc import build_firmware, reference_module, reference_mpy, run

PROGRAMS = {
    # constants and results that MicroPython and CPython print alike
    "floats": """\
x = 1.5
t = (0.25, -2.5, 1e10, 3e-05, 2j, 1.5j)
print(x * 2, t, t[4] * t[5], x / 4, 7 // 2.0, int(2.75), 1e300 * 1e10 > 1e308, {2.0: 'two'}[2])
""",
    "arith": """\
a = 17
b = -5
print(a + b, a - b, a * b, a // b, a % b, -a // 3, -a % 3, a ** 3, 2 ** 0)
print(1 < a < 20, 1 < a > 20, a == 17 != b, not a, a and b, 0 or b, 0 and 1)
print(-a, +b, ~a, True + True, a > b, a <= b, 7 // -2, 7 % -2, a is a)
x = 10
x += 5
x *= 2
x -= 1
x //= 3
print(x)
""",
    "loops": """\
total = 0
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 10:
        break
    total += i
print(total, i)
for k in range(3):
    for j in range(10, 0, -4):
        print(k, j, end=' ')
print()
r = range(1, 10, 3)
for v in r:
    print(v)
for c in "hey":
    print(c, end='|')
print(r, len(r), len("abc"))
""",
    "funcs": """\
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def greet(name, punct):
    return "hi " + name + punct

count = 0

def bump():
    global count
    count += 1

def outer(x):
    def inner(y):
        return x * y
    return inner

for _ in range(4):
    bump()
print(fib(15), greet("bob", "!"), count, outer(6)(7))
print(greet(punct="?", name="al"), "ab" * 3, "b" in "abc", "z" not in "abc")
print("x", 1, None, True, False, sep="-", end=".\\n")
print("abc" < "abd", "b" > "abc", "a" == "a", 1 == "1")
if __name__ == "__main__":
    print("main")
""",
}


def cpython(source: str, tmp_path: Path, name: str = "main.py") -> subprocess.CompletedProcess:
    path = tmp_path / name
    path.write_text(source)
    return subprocess.run(
        [sys.executable, name], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unix firmware with nothing frozen."""
    return build_firmware(tmp_path_factory.mktemp("plain"), [])


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_frozen_program_prints_what_cpython_prints(name: str, tmp_path: Path) -> None:
    source = PROGRAMS[name]
    firmware = build_firmware(tmp_path / "build", [("main", reference_module(source, tmp_path))])
    result = run(firmware)
    expected = cpython(source, tmp_path)
    assert (result.stdout, result.stderr, result.returncode) == (expected.stdout, "", 0)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_mpy_argument_prints_what_cpython_prints(plain: Path, name: str, tmp_path: Path) -> None:
    reference_mpy(PROGRAMS[name], tmp_path, "prog.py")
    result = run(plain, tmp_path / "prog.mpy")
    expected = cpython(PROGRAMS[name], tmp_path, "prog.py")
    assert (result.stdout, result.stderr, result.returncode) == (expected.stdout, "", 0)


TRACEBACK = """\
def divide(a, b):
    return a // b

def middle(n):
    x = n + 1
    return divide(x, 0)

print("before")
middle(3)
print("after")
"""


def _frames(text: str) -> list[tuple[str, str, str]]:
    return [
        (Path(f).name, line, fn)
        for f, line, fn in re.findall(r'^  File "([^"]+)", line (\d+), in (\S+)$', text, re.M)
    ]


def test_uncaught_exception_prints_micropython_traceback(tmp_path: Path) -> None:
    module = reference_module(TRACEBACK, tmp_path)
    result = run(build_firmware(tmp_path / "build", [("main", module)]))
    expected = cpython(TRACEBACK, tmp_path)
    assert result.returncode == 1
    # frames, their lines and the exception type are CPython's; the message is
    # MicroPython's wording
    assert result.stdout.startswith(expected.stdout + "Traceback (most recent call last):\n")
    assert _frames(result.stdout) == _frames(expected.stderr)
    assert expected.stderr.splitlines()[-1].startswith("ZeroDivisionError: ")
    assert result.stdout.splitlines()[-1] == "ZeroDivisionError: divide by zero"


@pytest.mark.parametrize(
    ("source", "last_line", "cpython_type"),
    [
        ("print(1)\nprint(undefined_name)\n", "NameError: name 'undefined_name' isn't defined",
         "NameError"),
        ("def f(n):\n    return f(n + 1)\nf(0)\n",
         "RuntimeError: maximum recursion depth exceeded", "RecursionError"),
        ("print(1 + 'a')\n", "TypeError: unsupported types for __add__: 'int', 'str'",
         "TypeError"),
        ("def f(a, b):\n    return a\nf(1)\n",
         "TypeError: function takes 2 positional arguments but 1 were given", "TypeError"),
        ("x = 3\nx()\n", "TypeError: 'int' object isn't callable", "TypeError"),
        ("print(2 ** -1 if False else 5 % 0)\n", "ZeroDivisionError: divide by zero",
         "ZeroDivisionError"),
        ("raise ValueError('bad value')\n", "ValueError: bad value", "ValueError"),
    ],
)  # fmt: skip
def test_error_messages(
    plain: Path, tmp_path: Path, source: str, last_line: str, cpython_type: str
) -> None:
    reference_mpy(source, tmp_path, "prog.py")
    result = run(plain, tmp_path / "prog.mpy")
    expected = cpython(source, tmp_path, "prog.py")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == last_line
    assert expected.stderr.splitlines()[-1].startswith(cpython_type + ":")
    frames = _frames(result.stdout)
    assert frames[-1] == _frames(expected.stderr)[-1]


def test_an_int_outgrowing_the_heap_raises_memory_error(plain: Path, tmp_path: Path) -> None:
    # small ints overflow into big ints, which grow until an allocation fails
    reference_mpy("x = 1\nwhile True:\n    x = (x << 65536) | 1\n", tmp_path, "prog.py")
    result = run(plain, tmp_path / "prog.mpy")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "MemoryError"


def test_no_frozen_main(plain: Path) -> None:
    result = run(plain)
    assert result.returncode == 1
    assert result.stdout == "ImportError: no module named 'main'\n"


def test_missing_file_is_one_line_on_stderr(plain: Path, tmp_path: Path) -> None:
    result = run(plain, tmp_path / "absent.mpy")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.count("\n") == 1 and "absent.mpy" in result.stderr


def test_wrong_version_is_incompatible(plain: Path, tmp_path: Path) -> None:
    data = bytearray(reference_mpy("print(1)\n", tmp_path, "prog.py"))
    data[1] = 5
    (tmp_path / "old.mpy").write_bytes(data)
    result = run(plain, tmp_path / "old.mpy")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.endswith(": ValueError: incompatible .mpy file\n")
    assert result.stderr.count("\n") == 1


def test_malformed_files_never_crash(plain: Path, tmp_path: Path) -> None:
    data = reference_mpy(PROGRAMS["funcs"], tmp_path, "prog.py")
    bad = tmp_path / "bad.mpy"
    for n in range(0, len(data), 3):
        bad.write_bytes(data[:n])
        result = run(plain, bad)
        assert result.returncode == 1, (n, result.stderr)
        assert result.stderr.count("\n") == 1
    rng = random.Random(6)
    for _ in range(150):
        corrupt = bytearray(data)
        for _ in range(rng.randint(1, 3)):
            corrupt[rng.randrange(4, len(corrupt))] = rng.randrange(256)
        bad.write_bytes(corrupt)
        result = run(plain, bad)
        # sanitizers (address, undefined) turn any memory error into another status
        assert result.returncode in (0, 1), result.stderr
