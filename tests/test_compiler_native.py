"""The compiler built native with mypyc (mpforge.compiler.native).

The other compiler tests run whichever build is active, which tools/setup.sh makes the
native one; here: that it is active and current, that the Python modules it was built
from give the same bytes, that a stale build is refused, and that nesting too deep for
the C stack is an error, not a crash.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conformance import programs
from corpus import Corpus, load
from mpforge.compiler import IS_NATIVE, CompileError, compile_source, native

TESTS = Path(__file__).parent


def test_native_build_is_active() -> None:
    assert IS_NATIVE, "no current native compiler: run python3 tools/build_native.py"


def _python_compiler_outputs(sources: list[tuple[str, bytes]]) -> list[str]:
    """Compile with the Python modules in a fresh interpreter: hex .mpy or error text."""
    script = (
        "import json, sys\n"
        "from mpforge.compiler import IS_NATIVE, CompileError, compile_source\n"
        "assert not IS_NATIVE\n"
        "out = []\n"
        "for name, text in json.load(sys.stdin):\n"
        "    try:\n"
        "        out.append(compile_source(text.encode('latin-1'), name).hex())\n"
        "    except CompileError as err:\n"
        "        out.append(str(err))\n"
        "json.dump(out, sys.stdout)\n"
    )
    env = dict(os.environ, **{native.FORCE_PYTHON_ENV: "1"})
    payload = json.dumps([(name, text.decode("latin-1")) for name, text in sources])
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=payload,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(result.stdout)


def _native_output(name: str, text: bytes) -> str:
    try:
        return compile_source(text, name).hex()
    except CompileError as err:  # compared as text, as the other side reports it
        return str(err)


def test_python_modules_give_the_same_bytes() -> None:
    corpus: Corpus = load()
    sources = [
        (str(path.relative_to(TESTS)), path.read_bytes())
        for path in programs("basics", "bigint", "compiler_cases", "rejects")
    ]
    sources += [
        (corpus.source_name(module), corpus.source_path(module).read_bytes())
        for module in corpus.accepted[::4]
    ]
    expected = [_native_output(name, text) for name, text in sources]
    assert _python_compiler_outputs(sources) == expected


def test_stale_build_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sources.sha256").write_text("0" * 64 + "\n")
    monkeypatch.setattr(native, "build_dir", lambda: tmp_path)
    monkeypatch.delenv(native.FORCE_PYTHON_ENV, raising=False)
    path: list[str] = []
    assert native.activate(path) is False
    assert path == []
    assert "older than its sources" in capsys.readouterr().err


@pytest.mark.parametrize(
    "source",
    [
        "x = " + "(" * 20000 + "1" + ")" * 20000,
        "x = " + "[*" * 5000 + "a" + "]" * 5000,
        "x = " + "-" * 100000 + "1",
        "x = " + "lambda: " * 20000 + "1",
        "".join(" " * i + "if a:\n" for i in range(1200)) + " " * 1200 + "pass",
    ],
    ids=["parens", "stars", "unary", "lambdas", "blocks"],
)
def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path, source: str) -> None:
    path = tmp_path / "deep.py"
    path.write_text(source + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "mpforge", "compile", str(path), "-o", str(tmp_path / "o.mpy")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stderr.splitlines()[-1] == "RuntimeError: maximum recursion depth exceeded"
