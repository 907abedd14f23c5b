"""Random and mutated program text fed to our compiler: it must compile or raise
CompileError, never anything else (a crash is a bug whatever the input). On a sample,
the answer is also compared with mpy-cross v1.19: the same accept/reject, the same
traceback where both reject and the same bytes where both accept.

Seeds are fixed, so every run feeds the same texts and a failure is reproducible.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from corpus import Corpus, load, reference_compile
from mpforge.compiler import CompileError, compile_source

TESTS = Path(__file__).parent
CHUNKS = 8
PER_CHUNK = 120
COMPARE_EVERY = 6  # one text in this many also goes through mpy-cross
# Characters that steer a lexer or parser somewhere interesting when dropped in.
INTERESTING = list("()[]{}:;,.=+-*/%<>!@&|^~'\"\\#\t\n 0123456789_eEjxXbBfFrR$?") + [
    "    ",
    "\n    ",
    "lambda",
    "yield",
    "await",
    "async ",
    "*",
    "**",
    ":=",
    "nonlocal x\n",
    "global x\n",
    "const(",
    "f'{",
    '"""',
    "\\N{",
    "\x00",
    "é",
]
TOKEN = re.compile(r"\w+|[^\w\s]+|\s+")


@pytest.fixture(scope="session")
def seeds() -> list[str]:
    """Texts to mutate: our compiler cases and rejects, and small corpus modules."""
    texts = [p.read_text() for p in sorted((TESTS / "compiler_cases").glob("*.py"))]
    texts += [p.read_text() for p in sorted((TESTS / "rejects").glob("*.py"))]
    corpus: Corpus = load()
    small = [m for m in corpus.accepted if corpus.source_path(m).stat().st_size < 6000]
    texts += [corpus.source(m) for m in small[::3]]
    return texts


def mutate(rng: random.Random, text: str) -> str:
    kind = rng.randrange(7)
    if not text:
        return rng.choice(INTERESTING)
    pos = rng.randrange(len(text))
    if kind == 0:  # one character replaced
        return text[:pos] + rng.choice(INTERESTING) + text[pos + 1 :]
    if kind == 1:  # something inserted
        return text[:pos] + rng.choice(INTERESTING) + text[pos:]
    if kind == 2:  # truncated
        return text[:pos]
    if kind == 3:  # a span deleted
        return text[:pos] + text[pos + rng.randint(1, 40) :]
    if kind == 4:  # two tokens swapped
        tokens = TOKEN.findall(text)
        i, j = rng.randrange(len(tokens)), rng.randrange(len(tokens))
        tokens[i], tokens[j] = tokens[j], tokens[i]
        return "".join(tokens)
    lines = text.split("\n")
    n = rng.randrange(len(lines))
    if kind == 5:  # a line moved elsewhere (indentation and scopes go wrong)
        line = lines.pop(n)
        lines.insert(rng.randrange(len(lines) + 1), line)
    else:  # a line re-indented
        lines[n] = " " * rng.choice([0, 1, 2, 4, 8]) + lines[n].lstrip()
    return "\n".join(lines)


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(INTERESTING + ["x", "1", "def ", "if ", "("]) for _ in range(30))


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_mutated_programs_compile_or_compile_error(
    chunk: int, seeds: list[str], tmp_path: Path
) -> None:
    rng = random.Random(chunk)
    problems: list[str] = []
    path = tmp_path / "fuzz.py"
    for n in range(PER_CHUNK):
        if n % 10 == 9:
            text = random_text(rng)
        else:
            text = rng.choice(seeds)
            for _ in range(rng.randint(1, 3)):
                text = mutate(rng, text)
        ours: bytes | CompileError
        try:
            # Named as mpy-cross names it: parse errors give the file as opened,
            # compile errors the -s name.
            ours = compile_source(text, "fuzz.py", file_name=str(path))
        except CompileError as error:
            ours = error
        except Exception as error:  # noqa: BLE001 - any other exception is the bug sought
            problems.append(f"#{n}: {type(error).__name__}: {error}\n{text[:400]!r}")
            continue
        if n % COMPARE_EVERY:
            continue
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        ref = reference_compile(path, "fuzz.py")
        if ref.mpy is not None:
            if ours != ref.mpy:
                what = ours if isinstance(ours, CompileError) else "different bytes"
                problems.append(f"#{n}: mpy-cross accepts, ours: {what}\n{text[:400]!r}")
        elif not isinstance(ours, CompileError):
            problems.append(
                f"#{n}: mpy-cross rejects ({ref.output!r}), ours accepts\n{text[:400]!r}"
            )
        elif ours.traceback_text() != ref.output:
            problems.append(
                f"#{n}: ours {ours.traceback_text()!r} != {ref.output!r}\n{text[:400]!r}"
            )
    assert not problems, f"{len(problems)} of {PER_CHUNK}:\n" + "\n\n".join(problems[:10])
