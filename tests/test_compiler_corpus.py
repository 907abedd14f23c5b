"""Real MicroPython code (pinned PyPI `micropython-*` packages) compiled by our compiler
must give the very bytes mpy-cross v1.19 gives.

The modules are split into fixed batches so pytest-xdist spreads them over workers;
the reference bytes come from the corpus cache (compiled there once by mpy-cross).
"""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest
from corpus import Corpus, load
from mpforge.compiler import CompileError, compile_source

BATCHES = 32  # about 20 modules per test item for the pinned list


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load()


def test_corpus_is_large_enough(corpus: Corpus) -> None:
    # The brief for the corpus: >= 100 packages and >= 300 modules mpy-cross accepts.
    assert corpus.packages >= 100
    assert len(corpus.accepted) >= 300


def test_compiling_makes_no_reference_cycles(corpus: Corpus) -> None:
    # compile_module pauses the cyclic garbage collector while it runs: free only as
    # long as what compiling a module allocates is freed by reference counting (a
    # rejection's traceback is the exception: the collector takes it later)
    gc.collect()
    gc.disable()
    try:
        for module in corpus.accepted[::3]:
            try:
                compile_source(corpus.source(module), corpus.source_name(module))
            except CompileError:
                gc.collect()
        assert gc.collect() == 0
    finally:
        gc.enable()


@pytest.mark.parametrize("batch", range(BATCHES))
def test_corpus_same_bytes_as_mpy_cross(corpus: Corpus, batch: int) -> None:
    failures = []
    for module in corpus.accepted[batch::BATCHES]:
        reference = corpus.reference(module)
        try:
            ours = compile_source(corpus.source(module), corpus.source_name(module))
        except CompileError as error:
            # native code (mpy-cross made x64 machine code: arch bits in the header) is
            # refused by design, naming the decorator; anything else is a failure
            refused_native = reference[2] >> 2 != 0 and "(native code)" in error.message
            if not refused_native:
                failures.append(f"{module}: {error}")
            continue
        if ours != reference:
            failures.append(f"{module}: bytes differ from mpy-cross")
    assert not failures, f"{len(failures)} modules:\n" + "\n".join(failures)


def test_corpus_rejections_are_ours_too(corpus: Corpus) -> None:
    """Modules mpy-cross rejects (MicroPython-only limits, e.g. adjacent f-strings)
    are rejected by ours with the same traceback text."""
    for module in corpus.rejected:
        path = corpus.source_path(module)
        ref = subprocess.run(
            [sys.executable, "-m", "mpy_cross_v6", str(path), "-o", "/dev/null"],
            capture_output=True,
            text=True,
        )
        assert ref.returncode == 1
        with pytest.raises(CompileError) as info:
            compile_source(corpus.source(module), str(path))
        assert info.value.traceback_text() == ref.stdout + ref.stderr, module
