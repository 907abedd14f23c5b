"""Recursive-descent parser producing MicroPython-shaped parse trees.

Follows MicroPython's grammar rules and their tree-building conventions, because
the bytecode depends on the tree's shape: a list rule with a single item collapses
to that item, an "ident" rule with a single non-empty child collapses to it, struct
nodes carry the line of their first token, only NAME tokens and operator tokens of
`or` rules are kept, and constants are folded while parsing (integer arithmetic,
`and`/`or`/`not` of constants, `const()` names, constant tuples).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, Final

from ..mpy.format import str_to_bytes
from ..mpy.mpfloat import parse_decimal
from .errors import CompileError
from .hostint import FoldedInt, MpzInt
from .lexer import Token, tokenize
from .parsetree import (
    CONST_OBJECT,
    Id,
    Node,
    SmallInt,
    Str,
    Tok,
    host_int,
    int_value,
    is_const_false,
    is_const_true,
)

# How deep expressions and blocks may nest. The parser and compiler recurse once or
# more per level; built native (native.py) they recurse on the C stack, which has no
# guard of its own: the deepest path takes about 3 KB a level, so 1000 levels stay
# well inside a thread's 8 MB.
MAX_NESTING: Final = 1000

# Strings up to this many UTF-8 bytes are interned at parse time (MicroPython's
# MICROPY_ALLOC_PARSE_INTERN_STRING_LEN); longer ones become constant objects
# unless the same text is already a qstr.
INTERN_STRING_LEN: Final = 10

AUGASSIGN_OPS: Final = (
    "+=",
    "-=",
    "*=",
    "@=",
    "/=",
    "%=",
    "&=",
    "|=",
    "^=",
    "<<=",
    ">>=",
    "**=",
    "//=",
)
COMPARE_OPS: Final = ("<", ">", "==", "<=", ">=", "!=")
# Tokens that start an atom_expr, and tokens after which no expression rule continues:
# test() parses such an operand first and descends the operator levels only if needed.
_ATOM_EXPR_START_KINDS: Final = frozenset(("name", "int", "float", "str", "bytes"))
_ATOM_EXPR_START_OPS: Final = frozenset(("(", "[", "{", "..."))
_TRAILER_OPS: Final = frozenset(("(", "[", "."))
_ENDS_EXPRESSION_KINDS: Final = frozenset(("newline", "end"))
_ENDS_EXPRESSION_OPS: Final = frozenset(
    (",", ")", "]", "}", ":", "=", ";", "+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=",
     "^=", "<<=", ">>=", "**=", "//=", ":=")
)  # fmt: skip
_ATOM_START_KW: Final = ("None", "True", "False", "not", "lambda", "await")
_ATOM_START_OP: Final = ("(", "[", "{", "-", "+", "~", "...")


class Parser:
    def __init__(
        self,
        source: str | bytes,
        source_name: str,
        small_int_bits: int,
        interned: set[str],
        optimize: int = 0,
    ) -> None:
        self.tokens = tokenize(source, optimize)
        self.pos = 0
        self.tok = self.tokens[0]  # the current token, tokens[pos]
        self.source_name = source_name
        self.small_int_bits = small_int_bits
        self.interned = interned
        self.consts: dict[str, object] = {}
        self.depth = 0  # nesting of the rules being parsed, see deeper()

    def deeper(self) -> None:
        """Enter one more level of nesting. A parse error ends the parse, so only the
        normal return paths leave the level again."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            # reported as MicroPython reports running out of C stack
            raise RecursionError

    # -- tokens ---------------------------------------------------------------------

    def advance(self) -> Token:
        tok = self.tok
        if tok.kind != "end":
            self.pos += 1
            self.tok = self.tokens[self.pos]
            if self.tok.kind == "unicode_name_escape":
                # raised while lexing the next token, before the parser looks at it
                raise CompileError(
                    "NotImplementedError", "unicode name escapes", self.source_name, 0
                )
        return tok

    def at_op(self, *ops: str) -> bool:
        tok = self.tok
        return tok.kind == "op" and tok.value in ops

    def at_kw(self, *words: str) -> bool:
        tok = self.tok
        return tok.kind == "kw" and tok.value in words

    def peek_is(self, offset: int, kind: str, value: object) -> bool:
        i = min(self.pos + offset, len(self.tokens) - 1)
        return self.tokens[i].kind == kind and self.tokens[i].value == value

    def accept_op(self, op: str) -> bool:
        if self.at_op(op):
            self.advance()
            return True
        return False

    def accept_kw(self, word: str) -> bool:
        if self.at_kw(word):
            self.advance()
            return True
        return False

    def expect_op(self, op: str) -> None:
        if not self.accept_op(op):
            raise self.syntax_error()

    def expect_kw(self, word: str) -> None:
        if not self.accept_kw(word):
            raise self.syntax_error()

    def expect_kind(self, kind: str) -> Token:
        if self.tok.kind != kind:
            raise self.syntax_error()
        return self.advance()

    def name(self) -> Id:
        tok = self.expect_kind("name")
        self.interned.add(tok.value)
        return Id(tok.value)

    def syntax_error(self) -> CompileError:
        tok = self.tok
        messages = {
            "indent": ("IndentationError", "unexpected indent"),
            "dedent_mismatch": (
                "IndentationError",
                "unindent doesn't match any outer indent level",
            ),
            "fstring_raw": ("SyntaxError", "raw f-strings are not supported"),
        }
        exc_type, message = messages.get(tok.kind, ("SyntaxError", "invalid syntax"))
        return CompileError(exc_type, message, self.source_name, tok.line)

    # -- constant nodes -------------------------------------------------------------

    def make_int(self, value: FoldedInt, line: int) -> object:
        limit = 1 << (self.small_int_bits - 1)
        if not isinstance(value, MpzInt) and -limit <= value < limit:
            return SmallInt(value)
        return Node(CONST_OBJECT, line, [value])

    def fold_ints(self, node: Node, fold: Callable[[list], FoldedInt | None]) -> object:
        try:
            result = fold(node.args)
        except _FoldTooBig:
            raise CompileError(
                "MemoryError", "constant too big to fold", self.source_name, node.line
            ) from None
        if result is None:
            return node
        return self.make_int(result, 0)

    # -- generic list rules -----------------------------------------------------------

    def item_list(
        self,
        kind: str,
        item: Callable[[], object],
        more: Callable[[], bool],
        trailing_ok: bool,
    ) -> object:
        """`item (',' item)* [',']`: one item without a comma collapses to itself."""
        line = self.tok.line
        first = item()
        tok = self.tok
        if tok.kind != "op" or tok.value != ",":
            return first
        items = [first]
        trailing = False
        while self.at_op(","):
            self.advance()
            if not more():
                if not trailing_ok:
                    raise self.syntax_error()
                trailing = True
                break
            items.append(item())
        if len(items) == 1 and not trailing:
            return items[0]
        return Node(kind, line, items)

    def starts_test(self) -> bool:
        tok = self.tok
        if tok.kind in ("name", "int", "float", "str", "bytes"):
            return True
        if tok.kind == "kw":
            return tok.value in _ATOM_START_KW
        return tok.kind == "op" and tok.value in _ATOM_START_OP

    def starts_test_or_star(self) -> bool:
        return self.starts_test() or self.at_op("*")

    # -- file and statements --------------------------------------------------------

    def parse_file(self) -> object:
        stmts = []
        first_line = self.tok.line
        while self.tok.kind != "end":
            if self.tok.kind == "newline":
                self.advance()
                continue
            stmts.append(self.stmt())
        if not stmts:
            return None
        if len(stmts) == 1:
            return stmts[0]
        return Node("file_input_2", first_line, stmts)

    def stmt(self) -> object:
        tok = self.tok
        if tok.kind == "kw":
            handler = _COMPOUND_STMTS.get(tok.value)
            if handler is not None:
                self.deeper()
                node = handler(self)
                self.depth -= 1
                return node
        elif tok.kind == "op" and tok.value == "@":
            self.deeper()
            node = self.decorated()
            self.depth -= 1
            return node
        return self.simple_stmt()

    def simple_stmt(self) -> object:
        line = self.tok.line
        stmt = self.item_list_sep(";", self.small_stmt, line)
        self.expect_kind("newline")
        return stmt

    def item_list_sep(self, sep: str, item: Callable[[], object], line: int) -> object:
        items = [item()]
        trailing = False
        while self.accept_op(sep):
            if self.tok.kind == "newline":
                trailing = True
                break
            items.append(item())
        if len(items) == 1 and not trailing:
            return items[0]
        return Node("simple_stmt_2", line, items)

    def small_stmt(self) -> object:
        tok = self.tok
        if tok.kind == "kw":
            word = tok.value
            if word in ("pass", "break", "continue"):
                self.advance()
                return Node(f"{word}_stmt", tok.line)
            if word == "return":
                self.advance()
                value = self.testlist() if self.starts_test_or_star() else None
                return Node("return_stmt", tok.line, [value])
            if word in ("global", "nonlocal"):
                self.advance()
                names = self.item_list("name_list", self.name, lambda: True, False)
                return Node(f"{word}_stmt", tok.line, [names])
            if word == "del":
                self.advance()
                return Node("del_stmt", tok.line, [self.exprlist()])
            if word == "raise":
                return self.raise_stmt()
            if word == "assert":
                self.advance()
                test = self.test()
                msg = self.test() if self.accept_op(",") else None
                return Node("assert_stmt", tok.line, [test, msg])
            if word == "import":
                self.advance()
                names = self.item_list("dotted_as_names", self.dotted_as_name, lambda: True, False)
                return Node("import_name", tok.line, [names])
            if word == "from":
                return self.import_from()
            if word == "yield":
                return Node("yield_stmt", tok.line, [self.yield_expr()])
        return self.expr_stmt()

    def raise_stmt(self) -> Node:
        line = self.advance().line
        if not self.starts_test():
            return Node("raise_stmt", line, [None])
        arg_line = self.tok.line
        exc = self.test()
        if self.accept_kw("from"):
            return Node("raise_stmt", line, [Node("raise_stmt_arg", arg_line, [exc, self.test()])])
        return Node("raise_stmt", line, [exc])

    def dotted_name(self) -> object:
        line = self.tok.line
        names = [self.name()]
        while self.accept_op("."):
            names.append(self.name())
        return names[0] if len(names) == 1 else Node("dotted_name", line, names)

    def dotted_as_name(self) -> object:
        line = self.tok.line
        dotted = self.dotted_name()
        if self.accept_kw("as"):
            return Node("dotted_as_name", line, [dotted, self.name()])
        return dotted

    def import_from(self) -> Node:
        line = self.advance().line
        source_line = self.tok.line
        dots: list[object] = []
        while self.at_op(".", "..."):
            dots.append(Tok(self.advance().value))
        source: object
        if dots:
            periods = (
                dots[0]
                if len(dots) == 1
                else Node("one_or_more_period_or_ellipsis", source_line, dots)
            )
            if self.tok.kind == "name":
                source = Node("import_from_2b", source_line, [periods, self.dotted_name()])
            else:
                source = periods
        else:
            source = self.dotted_name()
        self.expect_kw("import")
        if self.accept_op("*"):
            return Node("import_from", line, [source, Tok("*")])
        if self.accept_op("("):
            names = self.item_list(
                "import_as_names", self.import_as_name, lambda: self.tok.kind == "name", True
            )
            self.expect_op(")")
        else:
            names = self.item_list(
                "import_as_names", self.import_as_name, lambda: self.tok.kind == "name", True
            )
        return Node("import_from", line, [source, names])

    def import_as_name(self) -> Node:
        line = self.tok.line
        name = self.name()
        alias = self.name() if self.accept_kw("as") else None
        return Node("import_as_name", line, [name, alias])

    def expr_stmt(self) -> Node:
        line = self.tok.line
        lhs = self.testlist_star_expr()
        if self.at_op(*AUGASSIGN_OPS):
            op_line = self.tok.line
            op = self.advance().value
            rhs = self.yield_expr() if self.at_kw("yield") else self.testlist()
            return Node(
                "expr_stmt", line, [lhs, Node("expr_stmt_augassign", op_line, [Tok(op), rhs])]
            )
        if self.at_op(":"):
            ann_line = self.advance().line
            annotation = self.test()
            value = self.assigned_value() if self.accept_op("=") else None
            return Node("expr_stmt", line, [lhs, Node("annassign", ann_line, [annotation, value])])
        if not self.at_op("="):
            return self.lonely(Node("expr_stmt", line, [lhs, None]))
        assign_line = self.tok.line
        values = []
        while self.accept_op("="):
            values.append(self.assigned_value())
        if len(values) > 1:
            return Node(
                "expr_stmt", line, [lhs, Node("expr_stmt_assign_list", assign_line, values)]
            )
        rhs = self.fold_const_assign(lhs, values[0])
        if isinstance(rhs, Node) and rhs.kind == "pass_stmt":
            return rhs
        return Node("expr_stmt", line, [lhs, rhs])

    def assigned_value(self) -> object:
        return self.yield_expr() if self.at_kw("yield") else self.testlist_star_expr()

    @staticmethod
    def lonely(stmt: Node) -> Node:
        """A statement that is only a constant (e.g. a docstring) parses as `pass`."""
        value = stmt.args[0]
        if isinstance(value, SmallInt | Str | Tok) or (
            isinstance(value, Node) and value.kind == CONST_OBJECT
        ):
            return Node("pass_stmt", stmt.line)
        return stmt

    def fold_const_assign(self, lhs: object, rhs: object) -> object:
        """`NAME = const(value)` records a compile-time constant (MicroPython's const)."""
        if not (
            isinstance(lhs, Id)
            and isinstance(rhs, Node)
            and rhs.kind == "atom_expr_normal"
            and rhs.args[0] == Id("const")
            and isinstance(rhs.args[1], Node)
            and rhs.args[1].kind == "trailer_paren"
        ):
            return rhs
        value = rhs.args[1].args[0]
        if not _is_const(value):
            raise CompileError("SyntaxError", "not a constant", self.source_name, rhs.line)
        self.consts[lhs.name] = _const_value(value)
        if lhs.name.startswith("_"):
            return Node("pass_stmt", 0)
        return value

    # -- compound statements ------------------------------------------------------------

    def suite(self) -> object:
        if self.tok.kind != "newline":
            return self.simple_stmt()
        self.advance()
        if self.tok.kind != "indent":
            raise self.syntax_error()
        self.advance()
        line = self.tok.line
        stmts = [self.stmt()]
        while self.tok.kind != "dedent":
            if self.tok.kind == "end":
                raise self.syntax_error()
            stmts.append(self.stmt())
        self.advance()
        if len(stmts) == 1:
            return stmts[0]
        return Node("suite_block_stmts", line, stmts)

    def colon_suite(self) -> object:
        self.expect_op(":")
        return self.suite()

    def else_block(self) -> object:
        if self.accept_kw("else"):
            return self.colon_suite()
        return None

    def if_stmt(self) -> Node:
        line = self.advance().line
        cond = self.namedexpr_test()
        body = self.colon_suite()
        elifs = []
        while self.at_kw("elif"):
            elif_line = self.advance().line
            elif_cond = self.namedexpr_test()
            elifs.append(Node("if_stmt_elif", elif_line, [elif_cond, self.colon_suite()]))
        elif_node: object = None
        if len(elifs) == 1:
            elif_node = elifs[0]
        elif elifs:
            elif_node = Node("if_stmt_elif_list", elifs[0].line, elifs)
        return Node("if_stmt", line, [cond, body, elif_node, self.else_block()])

    def while_stmt(self) -> Node:
        line = self.advance().line
        cond = self.namedexpr_test()
        body = self.colon_suite()
        return Node("while_stmt", line, [cond, body, self.else_block()])

    def for_stmt(self) -> Node:
        line = self.advance().line
        target = self.exprlist()
        self.expect_kw("in")
        iterable = self.testlist()
        body = self.colon_suite()
        return Node("for_stmt", line, [target, iterable, body, self.else_block()])

    def try_stmt(self) -> Node:
        line = self.advance().line
        body = self.colon_suite()
        if self.at_kw("finally"):
            return Node("try_stmt", line, [body, self.finally_block()])
        if not self.at_kw("except"):
            raise self.syntax_error()
        handlers = []
        while self.at_kw("except"):
            handler_line = self.advance().line
            exc: object = None
            if not self.at_op(":"):
                exc_line = self.tok.line
                exc = self.test()
                if self.accept_kw("as"):
                    exc = Node("try_stmt_as_name", exc_line, [exc, self.name()])
            handlers.append(Node("try_stmt_except", handler_line, [exc, self.colon_suite()]))
        handler_list = (
            handlers[0]
            if len(handlers) == 1
            else Node("try_stmt_except_list", handlers[0].line, handlers)
        )
        orelse = self.else_block()
        final = self.finally_block() if self.at_kw("finally") else None
        if orelse is None and final is None:
            return Node("try_stmt", line, [body, handler_list])
        more = Node("try_stmt_except_and_more", handlers[0].line, [handler_list, orelse, final])
        return Node("try_stmt", line, [body, more])

    def finally_block(self) -> Node:
        line = self.advance().line
        return Node("try_stmt_finally", line, [self.colon_suite()])

    def with_stmt(self) -> Node:
        line = self.advance().line
        items = self.item_list("with_stmt_list", self.with_item, lambda: True, False)
        return Node("with_stmt", line, [items, self.colon_suite()])

    def with_item(self) -> object:
        line = self.tok.line
        ctx = self.test()
        if self.accept_kw("as"):
            return Node("with_item", line, [ctx, self.expr()])
        return ctx

    def funcdef(self) -> Node:
        line = self.advance().line
        name = self.name()
        self.expect_op("(")
        params = self.arg_list(typed=True) if not self.at_op(")") else None
        self.expect_op(")")
        annotation = self.test() if self.accept_op("->") else None
        body = self.colon_suite()
        # the last slot holds the function's scope once the compiler makes it
        return Node("funcdef", line, [name, params, annotation, body, None])

    def arg_list(self, typed: bool) -> object:
        """Parameters of a def (typed) or a lambda."""
        kind = "typedargslist" if typed else "varargslist"
        end = ")" if typed else ":"
        return self.item_list(kind, lambda: self.param(typed), lambda: not self.at_op(end), True)

    def param(self, typed: bool) -> object:
        prefix = "typedargslist" if typed else "varargslist"
        line = self.tok.line
        if self.accept_op("*"):
            if self.tok.kind != "name":
                return Node(f"{prefix}_star", line, [None])
            name_line = self.tok.line
            name = self.name()
            if typed:
                annotation = self.test() if self.accept_op(":") else None
                return Node(f"{prefix}_star", line, [Node("tfpdef", name_line, [name, annotation])])
            return Node(f"{prefix}_star", line, [name])
        if self.accept_op("**"):
            name = self.name()
            if typed:
                annotation = self.test() if self.accept_op(":") else None
                return Node(f"{prefix}_dbl_star", line, [name, annotation])
            return Node(f"{prefix}_dbl_star", line, [name])
        name = self.name()
        annotation = self.test() if typed and self.accept_op(":") else None
        default = self.test() if self.accept_op("=") else None
        if annotation is None and default is None:
            return name
        if typed:
            return Node(f"{prefix}_name", line, [name, annotation, default])
        return Node(f"{prefix}_name", line, [name, default])

    def classdef(self) -> Node:
        line = self.advance().line
        name = self.name()
        bases: object = None
        if self.at_op("("):
            paren_line = self.advance().line
            if self.at_op(")"):
                bases = Node("classdef_2", paren_line, [None])
            else:
                bases = self.arglist()
            self.expect_op(")")
        body = self.colon_suite()
        return Node("classdef", line, [name, bases, body, None])

    def decorated(self) -> Node:
        line = self.tok.line
        decorators = []
        while self.at_op("@"):
            dec_line = self.advance().line
            dotted = self.dotted_name()
            args = None
            if self.at_op("("):
                args = self.trailer()
            self.expect_kind("newline")
            decorators.append(Node("decorator", dec_line, [dotted, args]))
        decs = decorators[0] if len(decorators) == 1 else Node("decorators", line, decorators)
        if self.at_kw("class"):
            body: Node = self.classdef()
        elif self.at_kw("def"):
            body = self.funcdef()
        elif self.at_kw("async") and self.peek_is(1, "kw", "def"):
            async_line = self.advance().line
            body = Node("async_funcdef", async_line, [self.funcdef()])
        else:
            raise self.syntax_error()
        return Node("decorated", line, [decs, body])

    def async_stmt(self) -> Node:
        line = self.advance().line
        if self.at_kw("def"):
            inner: Node = self.funcdef()
        elif self.at_kw("with"):
            inner = self.with_stmt()
        elif self.at_kw("for"):
            inner = self.for_stmt()
        else:
            raise self.syntax_error()
        return Node("async_stmt", line, [inner])

    # -- expressions ------------------------------------------------------------------

    def testlist_star_expr(self) -> object:
        return self.tuple_list("testlist_star_expr", self.test_or_star, self.starts_test_or_star)

    def testlist(self) -> object:
        return self.tuple_list("testlist", self.test, self.starts_test)

    def exprlist(self) -> object:
        return self.item_list("exprlist", self.expr_or_star, self.starts_test_or_star, True)

    def tuple_list(self, kind: str, item: Callable[[], object], more: Callable[[], bool]) -> object:
        node = self.item_list(kind, item, more, True)
        return _const_tuple(node) if isinstance(node, Node) and node.kind == kind else node

    def test_or_star(self) -> object:
        return self.star_expr() if self.at_op("*") else self.test()

    def expr_or_star(self) -> object:
        return self.star_expr() if self.at_op("*") else self.expr()

    def star_expr(self) -> Node:
        line = self.advance().line
        self.deeper()
        node = Node("star_expr", line, [self.expr()])
        self.depth -= 1
        return node

    def namedexpr_test(self) -> object:
        line = self.tok.line
        value = self.test()
        if self.accept_op(":="):
            return Node("namedexpr_test", line, [value, self.test()])
        return value

    def test(self) -> object:
        self.deeper()
        node = self.test_unnested()
        self.depth -= 1
        return node

    def test_unnested(self) -> object:
        tok = self.tok
        line = tok.line
        if tok.kind in _ATOM_EXPR_START_KINDS or (
            tok.kind == "op" and tok.value in _ATOM_EXPR_START_OPS
        ):
            # Most expressions are a lone operand: parse it, and descend the operator
            # levels (with it as their first operand) only if an operator follows.
            first = self.atom_expr()
            after = self.tok
            if after.kind in _ENDS_EXPRESSION_KINDS or (
                after.kind == "op" and after.value in _ENDS_EXPRESSION_OPS
            ):
                return first
            body = self.or_test(first, line)
        elif tok.kind == "kw" and tok.value == "lambda":
            return self.lambdef(nocond=False)
        else:
            body = self.or_test()
        if not self.at_kw("if"):
            return body
        if_line = self.advance().line
        cond = self.or_test()
        self.expect_kw("else")
        orelse = self.test()
        return Node("test_if_expr", line, [body, Node("test_if_else", if_line, [cond, orelse])])

    def test_nocond(self) -> object:
        if self.at_kw("lambda"):
            return self.lambdef(nocond=True)
        return self.or_test()

    def lambdef(self, nocond: bool) -> Node:
        line = self.advance().line
        params = self.arg_list(typed=False) if not self.at_op(":") else None
        self.expect_op(":")
        body = self.test_nocond() if nocond else self.test()
        return Node("lambdef", line, [params, body, None])

    # The operator levels below take `first` (and its line) when the caller has already
    # parsed the leftmost operand.

    def logical(
        self, kind: str, word: str, operand: Callable[..., object], first: object, line: int
    ) -> object:
        if first is None:
            line = self.tok.line
            first = operand()
        else:
            first = operand(first, line)
        tok = self.tok
        if tok.kind != "kw" or tok.value != word:
            return first
        items = [first]
        while self.accept_kw(word):
            items.append(operand())
        if len(items) == 1:
            return items[0]
        return _fold_logical(Node(kind, line, items))

    def or_test(self, first: object = None, line: int = 0) -> object:
        return self.logical("or_test", "or", self.and_test, first, line)

    def and_test(self, first: object = None, line: int = 0) -> object:
        return self.logical("and_test", "and", self.not_test, first, line)

    def not_test(self, first: object = None, line: int = 0) -> object:
        if first is None and self.at_kw("not"):
            line = self.advance().line
            self.deeper()
            operand = self.not_test()
            self.depth -= 1
            if is_const_false(operand):
                return Tok("True")
            if is_const_true(operand):
                return Tok("False")
            return Node("not_test_2", line, [operand])
        return self.comparison(first, line)

    def comparison(self, first: object = None, line: int = 0) -> object:
        if first is None:
            line = self.tok.line
        first = self.expr(first, line)
        tok = self.tok
        if tok.kind not in ("op", "kw"):
            return first
        items = [first]
        while True:
            if self.at_op(*COMPARE_OPS):
                op = self.advance().value
            elif self.at_kw("in"):
                self.advance()
                op = "in"
            elif self.at_kw("not") and self.peek_is(1, "kw", "in"):
                self.advance()
                self.advance()
                op = "not in"
            elif self.at_kw("is"):
                self.advance()
                op = "is not" if self.accept_kw("not") else "is"
            else:
                break
            items += [Tok(op), self.expr()]
        if len(items) == 1:
            return items[0]
        return Node("comparison", line, items)

    def same_op_list(
        self, kind: str, op: str, operand: Callable[..., object], first: object, line: int
    ) -> object:
        if first is None:
            line = self.tok.line
        first = operand(first, line)
        tok = self.tok
        if tok.kind != "op" or tok.value != op:
            return first
        items = [first]
        while self.accept_op(op):
            items.append(operand())
        return self.fold_ints(Node(kind, line, items), _fold_same_op(op))

    def expr(self, first: object = None, line: int = 0) -> object:
        return self.same_op_list("expr", "|", self.xor_expr, first, line)

    def xor_expr(self, first: object = None, line: int = 0) -> object:
        return self.same_op_list("xor_expr", "^", self.and_expr, first, line)

    def and_expr(self, first: object = None, line: int = 0) -> object:
        return self.same_op_list("and_expr", "&", self.shift_expr, first, line)

    def mixed_op_list(
        self,
        kind: str,
        ops: tuple[str, ...],
        operand: Callable[..., object],
        first: object,
        line: int,
    ) -> object:
        if first is None:
            line = self.tok.line
        items = [operand(first, line)]
        tok = self.tok
        while tok.kind == "op" and tok.value in ops:
            self.advance()
            items.append(Tok(tok.value))
            items.append(operand())
            tok = self.tok
        if len(items) == 1:
            return items[0]
        return self.fold_ints(Node(kind, line, items), _fold_mixed_ops)

    def shift_expr(self, first: object = None, line: int = 0) -> object:
        return self.mixed_op_list("shift_expr", ("<<", ">>"), self.arith_expr, first, line)

    def arith_expr(self, first: object = None, line: int = 0) -> object:
        return self.mixed_op_list("arith_expr", ("+", "-"), self.term, first, line)

    def term(self, first: object = None, line: int = 0) -> object:
        return self.mixed_op_list("term", ("*", "@", "/", "%", "//"), self.factor, first, line)

    def factor(self, first: object = None, line: int = 0) -> object:
        if first is None and self.at_op("+", "-", "~"):
            line = self.tok.line
            op = self.advance().value
            self.deeper()
            operand = self.factor()
            self.depth -= 1
            value: FoldedInt = int_value(operand)
            if value is not None:
                folded = {"+": value, "-": -value, "~": ~value}[op]
                return self.make_int(host_int(folded, isinstance(value, MpzInt)), 0)
            return Node("factor_2", line, [Tok(op), operand])
        return self.power(first, line)

    def power(self, first: object = None, line: int = 0) -> object:
        if first is None:
            line = self.tok.line
            base = self.atom_expr()
        else:
            base = first
        if not self.accept_op("**"):
            return base
        self.deeper()
        exponent = self.factor()
        self.depth -= 1
        return self.fold_ints(Node("power", line, [base, exponent]), _fold_same_op("**"))

    def atom_expr(self) -> object:
        tok = self.tok
        line = tok.line
        is_await = tok.kind == "kw" and tok.value == "await"
        if is_await:
            self.advance()
        atom = self.atom()
        tok = self.tok
        if not is_await and (tok.kind != "op" or tok.value not in _TRAILER_OPS):
            return atom
        trailers = []
        while self.at_op("(", "[", "."):
            trailers.append(self.trailer())
        trailer: object = None
        if len(trailers) == 1:
            trailer = trailers[0]
        elif trailers:
            trailer = Node("atom_expr_trailers", trailers[0].line, trailers)
        if is_await:
            return Node("atom_expr_await", line, [atom, trailer])
        if trailer is None:
            return atom
        return Node("atom_expr_normal", line, [atom, trailer])

    def trailer(self) -> Node:
        line = self.tok.line
        if self.accept_op("("):
            args = self.arglist() if not self.at_op(")") else None
            self.expect_op(")")
            return Node("trailer_paren", line, [args])
        if self.accept_op("["):
            subscripts = self.tuple_list("subscriptlist", self.subscript, self.starts_subscript)
            self.expect_op("]")
            return Node("trailer_bracket", line, [subscripts])
        self.expect_op(".")
        return Node("trailer_period", line, [self.name()])

    def starts_subscript(self) -> bool:
        return self.starts_test() or self.at_op(":")

    def subscript(self) -> object:
        line = self.tok.line
        if self.at_op(":"):
            return self.subscript_3()
        start = self.test()
        if self.at_op(":"):
            return Node("subscript_2", line, [start, self.subscript_3()])
        return start

    def subscript_3(self) -> Node:
        line = self.advance().line  # the ':'
        if self.at_op(":"):
            step_line = self.advance().line
            step = self.test() if self.starts_test() else None
            return Node("subscript_3", line, [Node("subscript_3c", step_line, [step])])
        if not self.starts_test():
            return Node("subscript_3", line, [None])
        stop_line = self.tok.line
        stop = self.test()
        if self.at_op(":"):
            sliceop_line = self.advance().line
            step = self.test() if self.starts_test() else None
            sliceop = Node("sliceop", sliceop_line, [step])
            return Node("subscript_3", line, [Node("subscript_3d", stop_line, [stop, sliceop])])
        return Node("subscript_3", line, [stop])

    def arglist(self) -> object:
        return self.item_list("arglist", self.argument, lambda: not self.at_op(")"), True)

    def argument(self) -> object:
        line = self.tok.line
        if self.accept_op("*"):
            return Node("arglist_star", line, [self.test()])
        if self.accept_op("**"):
            return Node("arglist_dbl_star", line, [self.test()])
        value = self.test()
        if self.accept_op("="):
            return Node("argument", line, [value, self.test()])
        if self.at_op(":="):
            walrus_line = self.advance().line
            return Node("argument", line, [value, Node("argument_3", walrus_line, [self.test()])])
        if self.at_kw("for"):
            return Node("argument", line, [value, self.comp_for()])
        return value

    def comp_for(self) -> Node:
        line = self.advance().line
        target = self.exprlist()
        self.expect_kw("in")
        iterable = self.or_test()
        return Node("comp_for", line, [target, iterable, self.comp_iter(), None])

    def comp_iter(self) -> object:
        if self.at_kw("for"):
            return self.comp_for()
        if self.at_kw("if"):
            line = self.advance().line
            cond = self.test_nocond()
            return Node("comp_if", line, [cond, self.comp_iter()])
        return None

    def yield_expr(self) -> Node:
        line = self.advance().line
        if self.at_kw("from"):
            from_line = self.advance().line
            return Node("yield_expr", line, [Node("yield_arg_from", from_line, [self.test()])])
        arg = self.testlist() if self.starts_test() else None
        return Node("yield_expr", line, [arg])

    def atom(self) -> object:
        tok = self.tok
        if tok.kind == "name":
            self.advance()
            if self.consts and tok.value in self.consts:
                # Any: a folded int must stay an object (see hostint.FoldedInt)
                value: Any = self.consts[tok.value]
                if isinstance(value, int) and not isinstance(value, bool):
                    return self.make_int(value, tok.line)
                if isinstance(value, str):
                    return self.string_node(value, tok.line)
                return _const_node(value, tok.line)
            self.interned.add(tok.value)
            return Id(tok.value)
        if tok.kind == "int":
            self.advance()
            return self.make_int(host_int(self.parse_int(tok), False), tok.line)
        if tok.kind == "float":
            self.advance()
            return Node(CONST_OBJECT, tok.line, [self.parse_float(tok)])
        if tok.kind == "str":
            self.advance()
            return self.string_node(tok.value, tok.line)
        if tok.kind == "bytes":
            self.advance()
            return Node(CONST_OBJECT, tok.line, [tok.value])
        if tok.kind == "kw" and tok.value in ("None", "True", "False"):
            self.advance()
            return Tok(tok.value)
        if self.accept_op("..."):
            return Tok("...")
        if self.at_op("("):
            return self.atom_paren()
        if self.at_op("["):
            return self.atom_bracket()
        if self.at_op("{"):
            return self.atom_brace()
        raise self.syntax_error()

    def string_node(self, text: str, line: int) -> object:
        if len(str_to_bytes(text)) <= INTERN_STRING_LEN:
            self.interned.add(text)
            return Str(text)
        if text in self.interned:
            return Str(text)
        return Node(CONST_OBJECT, line, [text])

    def parse_int(self, tok: Token) -> int:
        """An integer literal as MicroPython reads it (leading zeros are fine: 08 is 8)."""
        text = str(tok.value)
        if len(text) < 19 and text.isdigit() and text.isascii():
            return int(text)  # decimal, and far below CPython's limit on int() digits
        base = 10
        if text[:1] == "0" and text[1:2].lower() in ("x", "o", "b"):
            base = {"x": 16, "o": 8, "b": 2}[text[1].lower()]
            text = text[2:]
        value = 0
        for c in text:
            digit = int(c, 36) if c.isascii() and c.isalnum() else base
            if digit >= base:
                break
            value = value * base + digit
        else:
            if text:
                return value
        raise CompileError(
            "SyntaxError",
            f"invalid syntax for integer with base {base}: {_quoted(text)}",
            self.source_name,
            tok.line,
        )

    def parse_float(self, tok: Token) -> float | complex:
        text = str(tok.value)
        try:
            if text[-1] in "jJ":
                return complex(0, parse_decimal(text[:-1]))
            return parse_decimal(text)
        except ValueError:
            raise CompileError(
                "SyntaxError", "invalid syntax for number", self.source_name, tok.line
            ) from None

    def testlist_comp(self, close: str) -> object:
        """The inside of (...) or [...]: an item, a comprehension, or items with commas."""
        line = self.tok.line
        first = self.star_expr() if self.at_op("*") else self.namedexpr_test()
        if self.at_kw("for"):
            return Node("testlist_comp", line, [first, self.comp_for()])
        if not self.at_op(","):
            return first
        items = [first]
        second_line = line
        trailing = False
        while self.accept_op(","):
            if self.at_op(close):
                trailing = True
                break
            if len(items) == 1:
                second_line = self.tok.line
            items.append(self.star_expr() if self.at_op("*") else self.namedexpr_test())
        if len(items) > 2 or (len(items) == 2 and trailing):
            # MicroPython parses the items after the first as a list rule of their own,
            # which a tuple made from them takes its line from
            line = second_line
        return Node("testlist_comp", line, items)

    def atom_paren(self) -> object:
        line = self.advance().line
        if self.accept_op(")"):
            return Node("atom_paren", line, [None])
        if self.at_kw("yield"):
            inner: object = self.yield_expr()
        else:
            inner = self.testlist_comp(")")
        self.expect_op(")")
        if not (isinstance(inner, Node) and inner.kind == "testlist_comp"):
            return inner  # parentheses around one expression vanish
        if not _has_comp_for(inner) and all(_is_const(i) for i in inner.args):
            return Node(CONST_OBJECT, inner.line, [tuple(_const_value(i) for i in inner.args)])
        return Node("atom_paren", line, [inner])

    def atom_bracket(self) -> Node:
        line = self.advance().line
        inner = None if self.at_op("]") else self.testlist_comp("]")
        self.expect_op("]")
        return Node("atom_bracket", line, [inner])

    def atom_brace(self) -> Node:
        line = self.advance().line
        if self.accept_op("}"):
            return Node("atom_brace", line, [None])
        maker_line = self.tok.line
        first = self.dict_or_set_item()
        inner: object = first
        if self.at_kw("for"):
            inner = Node("dictorsetmaker", maker_line, [first, self.comp_for()])
        elif self.at_op(","):
            list_line = self.advance().line
            rest: object = None
            if not self.at_op("}"):
                rest = self.item_list(
                    "dictorsetmaker_list2", self.dict_or_set_item, lambda: not self.at_op("}"), True
                )
            inner = Node(
                "dictorsetmaker",
                maker_line,
                [first, Node("dictorsetmaker_list", list_line, [rest])],
            )
        self.expect_op("}")
        return Node("atom_brace", line, [inner])

    def dict_or_set_item(self) -> object:
        line = self.tok.line
        key = self.test()
        if self.accept_op(":"):
            return Node("dictorsetmaker_item", line, [key, self.test()])
        return key


def _quoted(text: str) -> str:
    """A string in quotes, the quotes chosen as MicroPython's repr chooses them."""
    quote = '"' if "'" in text and '"' not in text else "'"
    return quote + text.replace("\\", "\\\\").replace(quote, "\\" + quote) + quote


# -- folding helpers ----------------------------------------------------------------


def _has_comp_for(node: Node) -> bool:
    return (
        len(node.args) == 2 and isinstance(node.args[1], Node) and node.args[1].kind == "comp_for"
    )


def _is_const(pn: object) -> bool:
    if isinstance(pn, SmallInt | Str):
        return True
    if isinstance(pn, Tok):
        return pn.value in ("None", "True", "False", "...")
    if isinstance(pn, Node):
        return pn.kind == CONST_OBJECT or (pn.kind == "atom_paren" and pn.args[0] is None)
    return False


def _const_value(pn: object) -> object:
    if isinstance(pn, SmallInt | Str):
        return pn.value
    if isinstance(pn, Tok):
        return {"None": None, "True": True, "False": False, "...": Ellipsis}[pn.value]
    assert isinstance(pn, Node)
    return () if pn.kind == "atom_paren" else pn.args[0]


def _const_node(value: object, line: int) -> object:
    """The parse node a const() value substitutes for a name."""
    tokens = {None: "None", True: "True", False: "False"}
    for const, word in tokens.items():
        if value is const:
            return Tok(word)
    if value is Ellipsis:
        return Tok("...")
    return Node(CONST_OBJECT, line, [value])


def _const_tuple(node: Node) -> object:
    if all(_is_const(i) for i in node.args):
        return Node(CONST_OBJECT, node.line, [tuple(_const_value(i) for i in node.args)])
    return node


def _fold_logical(node: Node) -> object:
    """Drop constant operands of and/or that cannot decide the result."""
    is_or = node.kind == "or_test"
    kept: list[object] = []
    for i, pn in enumerate(node.args):
        last = i == len(node.args) - 1
        if (is_or and is_const_true(pn)) or (not is_or and is_const_false(pn)):
            kept.append(pn)
            break
        if not last and ((is_or and is_const_false(pn)) or (not is_or and is_const_true(pn))):
            continue
        kept.append(pn)
    if len(kept) == 1:
        return kept[0]
    node.args = kept
    return node


_INT_OPS: Final = {
    "|": operator.or_, "^": operator.xor, "&": operator.and_, "<<": operator.lshift,
    ">>": operator.rshift, "+": operator.add, "-": operator.sub, "*": operator.mul,
    "//": operator.floordiv, "%": operator.mod, "**": operator.pow,
}  # fmt: skip


# mpy-cross folds in a 2 MiB heap; a constant bigger than that is a MemoryError there.
_MAX_FOLDED_BITS: Final = 2 * 1024 * 1024 * 8


def _int_binary(op: str, a: FoldedInt, b: FoldedInt) -> FoldedInt | None:
    """Fold one integer operation, or None where MicroPython leaves it to run time."""
    if op not in _INT_OPS:  # / and @ are never folded
        return None
    if op in ("<<", ">>", "**") and b < 0:
        return None
    if op in ("//", "%") and b == 0:
        return None
    if (op == "<<" and b > _MAX_FOLDED_BITS) or (
        op == "**" and abs(a) > 1 and b * max(a.bit_length(), 1) > _MAX_FOLDED_BITS
    ):
        raise _FoldTooBig
    return host_int(_INT_OPS[op](a, b), isinstance(a, MpzInt) or isinstance(b, MpzInt))


class _FoldTooBig(Exception):
    """A folded constant would not fit in the reference compiler's heap."""


def _fold_same_op(op: str) -> Callable[[list], FoldedInt | None]:
    def fold(args: list) -> FoldedInt | None:
        values: list[FoldedInt] = []
        for a in args:
            v = int_value(a)
            if v is None:
                return None
            values.append(v)
        result: FoldedInt = values[0]
        for v in values[1:]:
            folded = _int_binary(op, result, v)
            if folded is None:
                return None
            result = folded
        return result

    return fold


def _fold_mixed_ops(args: list) -> FoldedInt | None:
    result: FoldedInt = int_value(args[0])
    if result is None:
        return None
    for i in range(1, len(args), 2):
        rhs = int_value(args[i + 1])
        if rhs is None:
            return None
        folded = _int_binary(args[i].value, result, rhs)
        if folded is None:
            return None
        result = folded
    return result


def parse(
    source: str | bytes,
    source_name: str,
    small_int_bits: int,
    interned: set[str],
    optimize: int = 0,
) -> object:
    """Parse a whole module; `interned` collects the strings that become qstrs."""
    return Parser(source, source_name, small_int_bits, interned, optimize).parse_file()


# compound statements by their first keyword
_COMPOUND_STMTS: dict[str, Callable[[Parser], object]] = {
    "if": Parser.if_stmt,
    "while": Parser.while_stmt,
    "for": Parser.for_stmt,
    "try": Parser.try_stmt,
    "with": Parser.with_stmt,
    "def": Parser.funcdef,
    "class": Parser.classdef,
    "async": Parser.async_stmt,
}
