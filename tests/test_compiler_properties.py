"""Hypothesis-generated programs over the whole language, compiled by ours and by
mpy-cross v1.19: the same bytes when mpy-cross accepts, the same traceback when it
rejects (a generated program may break a rule the strategy does not track, such as a
nonlocal without a binding; then the rejection itself is what is compared).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import reference_compile
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from mpforge.compiler import CompileError, compile_file

NAMES = ["a", "b", "c", "x", "y", "_p", "long_name_for_a_variable"]
ATTRS = ["attr", "real", "append", "x"]
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
AUGOPS = ["+=", "-=", "*=", "//=", "%=", "|=", "&=", "^=", "<<=", ">>=", "**=", "/="]
CMPOPS = ["<", ">", "==", "!=", "<=", ">=", "is", "is not", "in", "not in"]
INTS = st.one_of(
    st.integers(-20, 300),
    st.sampled_from([2**30 - 1, 2**30, -(2**30), 2**31, 2**62, 2**63, 2**64, 10**30]),
)
FLOATS = st.sampled_from(["0.0", "1.5", "1e10", "2.5e-3", "1e400", ".5", "3.141592653589793"])
STRINGS = st.one_of(
    st.text(alphabet="abc _\n\t'\"\\é", max_size=12).map(repr),
    st.sampled_from(["'name_like'", "'a' * 40", "'x' * 200", "b'\\x00bytes'", "'été'"]),
)
# One strategy, drawn from at every expression position; `depth` bounds the nesting.
CTX_FUNC, CTX_LOOP, CTX_CLASS, CTX_ASYNC = "func", "loop", "class", "async"


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> str:
    if depth >= 2:
        kind = draw(st.sampled_from(["name", "int", "float", "str", "const"]))
    else:
        kind = draw(
            st.sampled_from(
                [
                    "name",
                    "int",
                    "float",
                    "str",
                    "const",
                    "binop",
                    "unary",
                    "compare",
                    "boolop",
                    "call",
                    "attr",
                    "subscript",
                    "slice",
                    "ifexp",
                    "tuple",
                    "list",
                    "dict",
                    "set",
                    "lambda",
                    "listcomp",
                    "dictcomp",
                    "genexp",
                    "fstring",
                    "walrus",
                    "complex",
                ]
            )
        )
    sub = expressions(depth + 1)
    # A number as the primary of .attr, [..] or (..) needs parentheses: `1.x` is a
    # malformed number to both lexers.
    primary = sub.map(lambda text: f"({text})" if text[0].isdigit() or text[0] in ".-" else text)
    if kind == "name":
        return draw(st.sampled_from(NAMES))
    if kind == "int":
        return str(draw(INTS))
    if kind == "float":
        return draw(FLOATS)
    if kind == "complex":
        return draw(st.sampled_from(["1j", "2.5j", "(1+2j)"]))
    if kind == "str":
        return draw(STRINGS)
    if kind == "const":
        return draw(st.sampled_from(["None", "True", "False", "...", "__file__", "__name__"]))
    if kind == "binop":
        return f"({draw(sub)} {draw(st.sampled_from(BINOPS))} {draw(sub)})"
    if kind == "unary":
        return f"({draw(st.sampled_from(['-', '+', '~', 'not ']))}{draw(sub)})"
    if kind == "compare":
        ops = draw(st.lists(st.sampled_from(CMPOPS), min_size=1, max_size=3))
        return "(" + draw(sub) + "".join(f" {op} {draw(sub)}" for op in ops) + ")"
    if kind == "boolop":
        return f"({draw(sub)} {draw(st.sampled_from(['and', 'or']))} {draw(sub)})"
    if kind == "call":
        args = draw(st.lists(sub, max_size=3))
        if draw(st.booleans()):
            args.append(f"*{draw(sub)}")
        kws = draw(st.lists(st.sampled_from(["k", "sep", "end", "key"]), max_size=2, unique=True))
        args += [f"{k}={draw(sub)}" for k in kws]
        if draw(st.booleans()):
            args.append(f"**{draw(sub)}")
        return f"{draw(primary)}({', '.join(args)})"
    if kind == "attr":
        return f"{draw(primary)}.{draw(st.sampled_from(ATTRS))}"
    if kind == "subscript":
        return f"{draw(primary)}[{draw(sub)}]"
    if kind == "slice":
        parts = [draw(st.one_of(st.just(""), sub)) for _ in range(draw(st.integers(2, 3)))]
        return f"{draw(primary)}[{':'.join(parts)}]"
    if kind == "ifexp":
        return f"({draw(sub)} if {draw(sub)} else {draw(sub)})"
    if kind == "tuple":
        items = draw(st.lists(sub, max_size=4))
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if kind == "list":
        return "[" + ", ".join(draw(st.lists(sub, max_size=4))) + "]"
    if kind == "dict":
        return (
            "{"
            + ", ".join(f"{draw(sub)}: {draw(sub)}" for _ in range(draw(st.integers(0, 3))))
            + "}"
        )
    if kind == "set":
        return "{" + ", ".join(draw(st.lists(sub, min_size=1, max_size=3))) + "}"
    if kind == "lambda":
        params = draw(st.sampled_from(["", "q", "q, r=1", "*q", "q, *, r", "**kw", "q=a"]))
        return f"(lambda {params}: {draw(sub)})"
    if kind in ("listcomp", "dictcomp", "genexp"):
        var = draw(st.sampled_from(["i", "j", "a"]))
        cond = f" if {draw(sub)}" if draw(st.booleans()) else ""
        more = f" for k in {draw(sub)}" if draw(st.booleans()) else ""
        clause = f"for {var} in {draw(sub)}{cond}{more}"
        if kind == "listcomp":
            return f"[{draw(sub)} {clause}]"
        if kind == "dictcomp":
            return f"{{{draw(sub)}: {draw(sub)} {clause}}}"
        return f"({draw(sub)} {clause})"
    if kind == "fstring":
        spec = draw(st.sampled_from(["", ":5", ":>4", ":.2f", ":x"]))
        return f"f'pre {{{draw(st.sampled_from(NAMES))}{spec}}} post'"
    assert kind == "walrus"
    return f"({draw(st.sampled_from(NAMES))} := {draw(sub)})"


@st.composite
def targets(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["name", "name", "attr", "subscript", "tuple", "star", "slice"]))
    name = draw(st.sampled_from(NAMES))
    if kind == "name":
        return name
    if kind == "attr":
        return f"{name}.{draw(st.sampled_from(ATTRS))}"
    if kind == "subscript":
        return f"{name}[{draw(expressions(2))}]"
    if kind == "slice":
        return f"{name}[1:{draw(st.sampled_from(NAMES))}]"
    if kind == "tuple":
        return f"{name}, {draw(st.sampled_from(NAMES))}"
    return f"{name}, *{draw(st.sampled_from(NAMES))}"


def indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


@st.composite
def blocks(draw: st.DrawFn, ctx: frozenset[str], depth: int) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        lines += draw(statements(ctx, depth))
    return lines


@st.composite
def statements(draw: st.DrawFn, ctx: frozenset[str], depth: int) -> list[str]:
    # global and nonlocal come only first in a def's body (see "def"): elsewhere they
    # mostly follow a use of the name, which both compilers reject the same dull way.
    simple = ["expr", "assign", "aug", "multi", "del", "pass", "assert", "import", "raise"]
    if CTX_FUNC in ctx:
        simple += ["return", "yield"]
    if CTX_ASYNC in ctx:
        simple += ["await"]
    if CTX_LOOP in ctx:
        simple += ["break", "continue"]
    compound = ["if", "while", "for", "try", "with", "def", "class", "async"]
    kinds = simple + (compound if depth < 3 else [])
    kind = draw(st.sampled_from(kinds))
    e = expressions()
    if kind == "expr":
        return [draw(e)]
    if kind == "assign":
        return [f"{draw(targets())} = {draw(e)}"]
    if kind == "aug":
        return [f"{draw(st.sampled_from(NAMES))} {draw(st.sampled_from(AUGOPS))} {draw(e)}"]
    if kind == "multi":
        return [f"{draw(st.sampled_from(NAMES))} = {draw(st.sampled_from(NAMES))} = {draw(e)}"]
    if kind == "del":
        return [f"del {draw(targets().filter(lambda t: '*' not in t))}"]
    if kind == "pass":
        return ["pass"]
    if kind == "assert":
        return [f"assert {draw(e)}" + (f", {draw(e)}" if draw(st.booleans()) else "")]
    if kind == "import":
        return [
            draw(
                st.sampled_from(
                    [
                        "import os",
                        "import a.b as ab",
                        "from . import m",
                        "from m import (p, q as r)",
                        "from ..pkg import z",
                        "import micropython",
                    ]
                )
            )
        ]
    if kind == "raise":
        return [
            draw(st.sampled_from(["raise", f"raise {draw(e)}", f"raise {draw(e)} from {draw(e)}"]))
        ]
    if kind == "return":
        return ["return" + (f" {draw(e)}" if draw(st.booleans()) else "")]
    if kind == "yield":
        return [
            draw(
                st.sampled_from(
                    [f"yield {draw(e)}", f"x = yield {draw(e)}", f"yield from {draw(e)}"]
                )
            )
        ]
    if kind == "await":
        return [f"await {draw(e)}"]
    if kind in ("break", "continue"):
        return [kind]
    inner = depth + 1
    if kind == "if":
        lines = [f"if {draw(e)}:", *indent(draw(blocks(ctx, inner)))]
        for _ in range(draw(st.integers(0, 2))):
            lines += [f"elif {draw(e)}:", *indent(draw(blocks(ctx, inner)))]
        if draw(st.booleans()):
            lines += ["else:", *indent(draw(blocks(ctx, inner)))]
        return lines
    if kind in ("while", "for"):
        head = f"while {draw(e)}:" if kind == "while" else f"for {draw(targets())} in {draw(e)}:"
        lines = [head, *indent(draw(blocks(ctx | {CTX_LOOP}, inner)))]
        if draw(st.booleans()):
            lines += ["else:", *indent(draw(blocks(ctx, inner)))]
        return lines
    if kind == "try":
        lines = ["try:", *indent(draw(blocks(ctx, inner)))]
        handlers = draw(st.integers(0, 2))
        for _ in range(handlers):
            what = draw(
                st.sampled_from(["ValueError", "(KeyError, TypeError)", "Exception as err"])
            )
            lines += [f"except {what}:", *indent(draw(blocks(ctx, inner)))]
        if handlers and draw(st.booleans()):
            lines += ["except:", *indent(draw(blocks(ctx, inner)))]
        if handlers and draw(st.booleans()):
            lines += ["else:", *indent(draw(blocks(ctx, inner)))]
        if not handlers or draw(st.booleans()):
            lines += ["finally:", *indent(draw(blocks(ctx, inner)))]
        return lines
    if kind == "with":
        items = ", ".join(
            f"{draw(e)}" + (f" as {draw(st.sampled_from(NAMES))}" if draw(st.booleans()) else "")
            for _ in range(draw(st.integers(1, 3)))
        )
        return [f"with {items}:", *indent(draw(blocks(ctx, inner)))]
    if kind in ("def", "async"):
        params = draw(
            st.sampled_from(
                ["", "a", "a, b=1", "a, *args", "*, k=2", "a, b=2, *c, d, e=3, **f", "**kw", "q=[]"]
            )
        )
        deco = [f"@{draw(st.sampled_from(NAMES))}"] if draw(st.booleans()) else []
        prefix = "async def" if kind == "async" else "def"
        fctx = frozenset({CTX_FUNC} | ({CTX_ASYNC} if kind == "async" else set()))
        decl = draw(st.sampled_from(["", "global x", "global x, y"]))
        before = []
        if CTX_FUNC in ctx and draw(st.booleans()):
            # A nonlocal needs a binding in the enclosing function: give it one.
            before, decl = ["a = 0"], "nonlocal a"
        body = ([decl] if decl else []) + draw(blocks(fctx, inner))
        return [*before, *deco, f"{prefix} f{depth}({params}):", *indent(body)]
    assert kind == "class"
    bases = draw(st.sampled_from(["", "(a)", "(a, b)", "(metaclass=b)", "()"]))
    class_ctx = frozenset({CTX_CLASS})  # a class body is no function and no loop
    return [f"class C{depth}{bases}:", *indent(draw(blocks(class_ctx, inner)))]


@st.composite
def programs(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        lines += draw(statements(frozenset(), 0))
    return "\n".join(lines) + "\n"


def check_same_as_mpy_cross(source: str, tmp_path: Path) -> None:
    path = tmp_path / "gen.py"
    path.write_text(source)
    ref = reference_compile(path, "gen.py")
    if ref.mpy is not None:
        assert compile_file(path, "gen.py") == ref.mpy, source
    else:
        with pytest.raises(CompileError) as info:
            compile_file(path, "gen.py")
        assert info.value.traceback_text() == ref.output, source


# Two halves of 100 examples each, so pytest-xdist runs them side by side; each half has
# its own fixed seed, so a failure is reproducible, and no example database is written
# into the work tree.
PROPERTY_SETTINGS = settings(
    max_examples=100,
    deadline=None,
    database=None,
    # No shrinking: shrinking a failing program calls mpy-cross thousands of times,
    # minutes instead of seconds; the failing program is printed as generated.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)


@pytest.mark.parametrize("half", [0, 1])
def test_generated_programs_same_as_mpy_cross(half: int, tmp_path: Path) -> None:
    @seed(half)
    @PROPERTY_SETTINGS
    @given(source=programs())
    def run(source: str) -> None:
        check_same_as_mpy_cross(source, tmp_path)

    run()
