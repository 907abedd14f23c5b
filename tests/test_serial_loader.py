"""The serial loader end to end: `mpforge repl`/`exec`/`put` against the real firmware
(the unix build's --serial mode, PYBV10 under QEMU with its serial port on a socket),
and the REPL on the Python-hosted VM."""

from __future__ import annotations

import contextlib
import io
import shutil
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, build
from mpforge.compiler import compile_source
from mpforge.connect.loader import NAK, frame
from mpforge.connect.repl import LoaderRunner, VmRunner, open_link, repl, repl_source
from mpforge.errors import MpforgeError

PROGRAM = "print(sum(range(10)))\nprint('end\\x04marker\\x10')\nraise ValueError('no')\n"
needs_qemu = pytest.mark.skipif(shutil.which("qemu-system-arm") is None, reason="no QEMU")


def firmware(board: str) -> Path:
    out = build(board, {"main.py": FROZEN_MAIN})
    return out / ("firmware" if board == "unix" else "firmware.elf")


def scripted(lines: list[str]):
    feed = iter(lines)

    def read_line(prompt: str) -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    return read_line


def test_repl_source_prints_expression_values() -> None:
    assert repl_source("x = 1; x") == (
        "x = 1\n_repl_value = (x)\nif _repl_value is not None:\n    print(repr(_repl_value))\n"
    )
    assert repl_source("def f():\n    return 1\n") == "def f():\n    return 1\n"
    assert repl_source("1 +") == "1 +"  # left to our compiler to report


@pytest.fixture(params=["unix", pytest.param("PYBV10", marks=needs_qemu)])
def link(request):
    board = request.param
    lnk, transport = open_link(board, None, firmware(board), timeout=20)
    yield lnk
    transport.close()


def test_exec_output_status_and_escapes(link) -> None:
    status, out = link.execute(compile_source(PROGRAM, "prog.py"), "prog.py")
    assert status == 1
    assert out.startswith("45\nend\x04marker\x10\nTraceback (most recent call last):\n")
    assert out.endswith('File "prog.py", line 3, in <module>\nValueError: no\n')
    # the loader is ready for the next module
    assert link.execute(compile_source("print('again')", "a.py"), "a.py") == (0, "again\n")


def test_repl_session(link) -> None:
    out, err = io.StringIO(), io.StringIO()
    lines = ["1 + 2", "None", "for i in range(3):", "    print(i * i)", "", "[1, 'a']", "1/0"]
    assert repl(LoaderRunner(link, out), "banner", scripted(lines), err) == 0
    assert out.getvalue() == (
        "3\n0\n1\n4\n[1, 'a']\nTraceback (most recent call last):\n"
        '  File "<stdin>", line 1, in <module>\nZeroDivisionError: divide by zero\n'
    )


# Statements that only work if each sees what the ones before defined; the functions
# and classes of early statements run after later images have reused the loader's buffer.
SESSION = [
    "x = 6",
    "def times(n):\n    return x * n\n",
    "class Box:\n    def __init__(self, v):\n        self.v = v\n"
    "    def twice(self):\n        return times(self.v)\n",
    "junk = [str(i) * 10 for i in range(100)]",
    "b = Box(7)",
    "b.twice()",
    "x = 10; times(2)",
    "[Box(i).twice() for i in range(3)]",
    "del junk",
    "'junk' in globals()",
]


def cpython_session(statements: list[str]) -> str:
    """What the statements print in one CPython namespace, through the same rewrite."""
    out = io.StringIO()
    namespace: dict[str, object] = {"__name__": "__main__"}
    with contextlib.redirect_stdout(out):
        for text in statements:
            exec(compile(repl_source(text), "<stdin>", "exec"), namespace)
    return out.getvalue()


def test_repl_statements_share_globals(link) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert repl(LoaderRunner(link, out), "banner", scripted(SESSION), err) == 0
    assert err.getvalue() == "banner\n\n"
    assert out.getvalue() == cpython_session(SESSION)
    # a module run with exec starts afresh: the session's names are gone
    status, text = link.execute(compile_source("print('x' in globals())", "a.py"), "a.py")
    assert (status, text) == (0, "False\n")


def test_damaged_frame_is_refused(link) -> None:
    bad = bytearray(frame(b"X", b"x.py\0" + compile_source("print(1)", "x.py")))
    bad[-1] ^= 0xFF
    link.transport.write(bytes(bad))
    assert link._byte(1e18) == NAK and link._byte(1e18) == ord("C")
    big = struct.pack("<I", link.buffer_size + 1)
    body = b"X" + big + b"\0" * (link.buffer_size + 1)
    link.transport.write(b"\x01" + body + struct.pack("<I", zlib.crc32(body)))
    assert link._byte(1e18) == NAK and link._byte(1e18) == ord("L")
    with pytest.raises(MpforgeError, match="larger|takes"):
        link.execute(b"\0" * link.buffer_size, "huge.mpy")
    assert link.execute(compile_source("print(2)", "x.py"), "x.py") == (0, "2\n")


def test_stalled_frame_times_out(link) -> None:
    """A frame that stops (the host died, a byte was lost) is dropped after a second
    with NAK 'T'; the loader then serves the next frame."""
    link.transport.write(frame(b"X", b"x.py\0" + compile_source("print(3)", "x.py"))[:9])
    assert link._byte(time.monotonic() + 10) == NAK
    assert link._byte(time.monotonic() + 1) == ord("T")
    assert link.execute(compile_source("print(3)", "x.py"), "x.py") == (0, "3\n")


class _StallOnce:
    """A line that stalls the first frame written half-way for longer than the loader
    waits for a byte, then delivers the rest."""

    def __init__(self, transport) -> None:
        self.transport = transport
        self.stalled = False

    def write(self, data: bytes) -> None:
        if not self.stalled:
            self.stalled = True
            self.transport.write(data[:9])
            time.sleep(1.3)
            data = data[9:]
        self.transport.write(data)

    def read(self, n: int) -> bytes:
        return self.transport.read(n)


def test_stalled_frame_is_sent_again(link) -> None:
    """execute() answers NAK 'T' by waiting for the loader to be idle and sending the
    frame again: the module runs once."""
    direct = link.transport
    link.transport = _StallOnce(direct)
    try:
        source = "print('once')"
        assert link.execute(compile_source(source, "x.py"), "x.py") == (0, "once\n")
    finally:
        link.transport = direct
    assert link.execute(compile_source("print(4)", "x.py"), "x.py") == (0, "4\n")


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mpforge", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("board", ["unix", pytest.param("PYBV10", marks=needs_qemu)])
def test_cli_exec_put_and_repl(board: str, tmp_path: Path) -> None:
    exe = str(firmware(board))
    prog = tmp_path / "prog.py"
    prog.write_text(PROGRAM)
    done = _cli("exec", str(prog), "--board", board, "--firmware", exe)
    assert done.returncode == 1 and done.stdout.startswith("45\nend\x04marker\x10\n")
    (tmp_path / "ok.py").write_text("print('put', 6 * 7)\n")
    assert _cli("compile", str(tmp_path / "ok.py")).returncode == 0
    done = _cli("put", str(tmp_path / "ok.mpy"), "--board", board, "--firmware", exe)
    assert (done.returncode, done.stdout) == (0, "put 42\n")
    done = _cli("repl", "--board", board, "--firmware", exe, stdin="6 * 7\nprint('x')\n")
    assert done.returncode == 0 and done.stdout == ">>> 42\n>>> x\n>>> "


def test_no_loader_answering(tmp_path: Path) -> None:
    silent = tmp_path / "silent"
    silent.write_text("#!/bin/sh\nexec cat\n")  # echoes, never answers
    silent.chmod(0o755)
    with pytest.raises(MpforgeError, match="no serial loader answered"):
        open_link("unix", None, silent, timeout=0.6)
    gone = tmp_path / "gone"
    gone.write_text("#!/bin/sh\nexit 3\n")
    gone.chmod(0o755)
    # whether the hello write or the first read notices first is a race; both say so
    with pytest.raises(MpforgeError, match=r"closed its output|exited \(status 3\)"):
        open_link("unix", None, gone, timeout=5)


def test_vm_repl_keeps_globals() -> None:
    out, err = io.StringIO(), io.StringIO()
    lines = ["x = 5", "def f(a):", "    return a + x", "", "f(1)", "x * 2", "print('p')", "y"]
    assert repl(VmRunner(out, err), "banner", scripted(lines), err) == 0
    assert out.getvalue() == "6\n10\np\n"
    assert "NameError: name 'y' isn't defined" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert repl(VmRunner(out, err), "", scripted(["1 +", "2"]), err) == 0
    assert out.getvalue() == "2\n" and "SyntaxError" in err.getvalue()


def test_mpforge_run_without_file_is_the_vm_repl() -> None:
    done = _cli("run", stdin="a = [1, 2]\na.append(3)\na\n")
    assert done.returncode == 0 and ">>> [1, 2, 3]" in done.stdout
