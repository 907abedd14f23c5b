"""Recursive-descent parser producing MicroPython-shaped parse trees.

Follows MicroPython's grammar rules and their tree-building conventions: a list
rule with a single item collapses to that item, struct nodes carry the line of
their first token, and constants are folded while parsing (integer arithmetic,
`and`/`or`/`not` of constants, `const()` names, constant tuples), because the
bytecode mpy-cross emits is the bytecode of the folded tree.
"""

from __future__ import annotations

import operator

from .errors import CompileError
from .lexer import Token, tokenize
from .parsetree import (
    CONST_OBJECT,
    Id,
    MpzInt,
    Node,
    SmallInt,
    Str,
    Tok,
    host_int,
    int_value,
    is_const_false,
    is_const_true,
)

# Strings up to this many UTF-8 bytes are interned at parse time (MicroPython's
# MICROPY_ALLOC_PARSE_INTERN_STRING_LEN); longer ones become constant objects
# unless the same text is already a qstr.
INTERN_STRING_LEN = 10

AUGASSIGN_OPS = ("+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//=")
COMPARE_OPS = ("<", ">", "==", "<=", ">=", "!=")

# Statements the compiler does not handle yet, by their leading keyword.
_NOT_YET = {
    "class": "class definitions",
    "try": "'try' statements",
    "with": "'with' statements",
    "import": "'import' statements",
    "from": "'from ... import' statements",
    "raise": "'raise' statements",
    "assert": "'assert' statements",
    "del": "'del' statements",
    "async": "'async' statements",
    "lambda": "lambda expressions",
    "yield": "'yield'",
    "await": "'await'",
}


class Parser:
    def __init__(self, source: str, source_name: str, small_int_bits: int, interned: set[str]):
        self.tokens = tokenize(source)
        self.pos = 0
        self.source_name = source_name
        self.small_int_bits = small_int_bits
        self.interned = interned
        self.consts: dict[str, object] = {}

    # -- tokens -------------------------------------------------------------------

    @property
    def tok(self) -> Token:
        return self.tokens[self.pos]

    def advance(self) -> Token:
        tok = self.tokens[self.pos]
        if tok.kind not in ("end", "error"):
            self.pos += 1
        return tok

    def at_op(self, *ops: str) -> bool:
        return self.tok.kind == "op" and self.tok.value in ops

    def at_kw(self, *words: str) -> bool:
        return self.tok.kind == "kw" and self.tok.value in words

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

    def expect_name(self) -> Id:
        tok = self.expect_kind("name")
        self.interned.add(tok.value)
        return Id(tok.value)

    def syntax_error(self) -> CompileError:
        tok = self.tok
        if tok.kind == "indent":
            return CompileError("IndentationError", "unexpected indent", self.source_name, tok.line)
        if tok.kind == "dedent_mismatch":
            return CompileError(
                "IndentationError",
                "unindent doesn't match any outer indent level",
                self.source_name,
                tok.line,
            )
        return CompileError("SyntaxError", "invalid syntax", self.source_name, tok.line)

    def not_supported(self, what: str, line: int) -> CompileError:
        return CompileError.not_supported(what, self.source_name, line)

    # -- constant nodes -------------------------------------------------------------

    def fits_small_int(self, value: int) -> bool:
        limit = 1 << (self.small_int_bits - 1)
        return -limit <= value < limit

    def make_int(self, value: int, line: int) -> object:
        if not isinstance(value, MpzInt) and self.fits_small_int(value):
            return SmallInt(value)
        return Node(CONST_OBJECT, line, [value])

    # -- file and statements --------------------------------------------------------

    def parse_file(self) -> object:
        stmts = []
        first_line = self.tok.line
        while self.tok.kind != "end":
            if self.tok.kind == "newline":
                self.advance()
                continue
            stmts.append(self.stmt())
        if self.tok.kind == "error":
            raise self.syntax_error()
        if not stmts:
            return None
        if len(stmts) == 1:
            return stmts[0]
        return Node("file_input_2", first_line, stmts)

    def stmt(self) -> object:
        tok = self.tok
        if tok.kind == "kw":
            if tok.value == "if":
                return self.if_stmt()
            if tok.value == "while":
                return self.while_stmt()
            if tok.value == "for":
                return self.for_stmt()
            if tok.value == "def":
                return self.funcdef()
            if tok.value in _NOT_YET:
                raise self.not_supported(_NOT_YET[tok.value], tok.line)
        if tok.kind == "op" and tok.value == "@":
            raise self.not_supported("decorators", tok.line)
        return self.simple_stmt()

    def simple_stmt(self) -> object:
        line = self.tok.line
        items = [self.small_stmt()]
        trailing = False
        while self.accept_op(";"):
            if self.tok.kind == "newline":
                trailing = True
                break
            items.append(self.small_stmt())
        self.expect_kind("newline")
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
                value = None if self.at_end_of_simple_stmt() else self.testlist()
                return Node("return_stmt", tok.line, [value])
            if word in ("global", "nonlocal"):
                self.advance()
                names = [self.expect_name()]
                while self.accept_op(","):
                    names.append(self.expect_name())
                arg = names[0] if len(names) == 1 else Node("name_list", tok.line, names)
                return Node(f"{word}_stmt", tok.line, [arg])
            if word in _NOT_YET:
                raise self.not_supported(_NOT_YET[word], tok.line)
        return self.expr_stmt()

    def at_end_of_simple_stmt(self) -> bool:
        return self.tok.kind == "newline" or self.at_op(";")

    def expr_stmt(self) -> Node:
        line = self.tok.line
        lhs = self.testlist_star_expr()
        if self.at_op(*AUGASSIGN_OPS):
            op_line = self.tok.line
            op = self.advance().value
            rhs = self.testlist()
            return Node(
                "expr_stmt", line, [lhs, Node("expr_stmt_augassign", op_line, [Tok(op), rhs])]
            )
        if self.at_op(":"):
            raise self.not_supported("variable annotations", self.tok.line)
        if not self.at_op("="):
            return Node("expr_stmt", line, [lhs, None])
        assign_line = self.tok.line
        values = []
        while self.accept_op("="):
            values.append(self.testlist_star_expr())
        if len(values) == 1:
            rhs: object = self.fold_const_assign(lhs, values[0], line)
            if isinstance(rhs, Node) and rhs.kind == "pass_stmt":
                return rhs
        else:
            rhs = Node("expr_stmt_assign_list", assign_line, values)
        return Node("expr_stmt", line, [lhs, rhs])

    def fold_const_assign(self, lhs: object, rhs: object, line: int) -> object:
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

    def suite(self) -> object:
        if self.tok.kind != "newline":
            return self.simple_stmt()
        self.advance()
        if self.tok.kind != "indent":
            raise self.syntax_error()
        self.advance()
        line = self.tok.line
        stmts = []
        while self.tok.kind not in ("dedent", "end", "error"):
            stmts.append(self.stmt())
        if self.tok.kind != "dedent":
            raise self.syntax_error()
        self.advance()
        if len(stmts) == 1:
            return stmts[0]
        return Node("suite_block_stmts", line, stmts)

    def else_block(self) -> object:
        if self.at_kw("else"):
            self.advance()
            self.expect_op(":")
            return self.suite()
        return None

    def if_stmt(self) -> Node:
        line = self.advance().line
        cond = self.namedexpr_test()
        self.expect_op(":")
        body = self.suite()
        elifs = []
        while self.at_kw("elif"):
            elif_line = self.advance().line
            elif_cond = self.namedexpr_test()
            self.expect_op(":")
            elifs.append(Node("if_stmt_elif", elif_line, [elif_cond, self.suite()]))
        elif_node: object = None
        if len(elifs) == 1:
            elif_node = elifs[0]
        elif elifs:
            elif_node = Node("if_stmt_elif_list", elifs[0].line, elifs)
        return Node("if_stmt", line, [cond, body, elif_node, self.else_block()])

    def while_stmt(self) -> Node:
        line = self.advance().line
        cond = self.namedexpr_test()
        self.expect_op(":")
        body = self.suite()
        return Node("while_stmt", line, [cond, body, self.else_block()])

    def for_stmt(self) -> Node:
        line = self.advance().line
        target = self.exprlist()
        self.expect_kw("in")
        iterable = self.testlist()
        self.expect_op(":")
        body = self.suite()
        return Node("for_stmt", line, [target, iterable, body, self.else_block()])

    def funcdef(self) -> Node:
        line = self.advance().line
        name = self.expect_name()
        self.expect_op("(")
        params = self.typedargslist()
        self.expect_op(")")
        annotation = None
        if self.accept_op("->"):
            annotation = self.test()
        self.expect_op(":")
        body = self.suite()
        # the last slot holds the function's scope once the compiler makes it
        return Node("funcdef", line, [name, params, annotation, body, None])

    def typedargslist(self) -> object:
        if self.at_op(")"):
            return None
        line = self.tok.line
        items = []
        trailing = False
        while True:
            items.append(self.typedarg())
            if not self.accept_op(","):
                break
            if self.at_op(")"):
                trailing = True
                break
        if len(items) == 1 and not trailing:
            return items[0]
        return Node("typedargslist", line, items)

    def typedarg(self) -> object:
        line = self.tok.line
        if self.at_op("*", "**"):
            raise self.not_supported("star parameters", line)
        name = self.expect_name()
        if self.at_op(":"):
            raise self.not_supported("parameter annotations", self.tok.line)
        if self.accept_op("="):
            return Node("typedargslist_name", line, [name, None, self.test()])
        return name

    # -- expressions ------------------------------------------------------------------

    def testlist_star_expr(self) -> object:
        return self.tuple_list("testlist_star_expr", self.test_or_star)

    def testlist(self) -> object:
        return self.tuple_list("testlist", self.test)

    def exprlist(self) -> object:
        return self.tuple_list("exprlist", self.expr_or_star, build_const=False)

    def tuple_list(self, kind: str, item, build_const: bool = True) -> object:
        line = self.tok.line
        items = [item()]
        trailing = False
        while self.at_op(","):
            self.advance()
            if not self.starts_expression():
                trailing = True
                break
            items.append(item())
        if len(items) == 1 and not trailing:
            return items[0]
        if build_const and all(_is_const(i) for i in items):
            return Node(CONST_OBJECT, line, [tuple(_const_value(i) for i in items)])
        return Node(kind, line, items)

    def starts_expression(self) -> bool:
        tok = self.tok
        if tok.kind in ("name", "int", "float", "str", "bytes", "fstring"):
            return True
        if tok.kind == "kw":
            return tok.value in ("None", "True", "False", "not", "lambda", "await", "yield")
        if tok.kind == "op":
            return tok.value in ("(", "[", "{", "-", "+", "~", "*", "...")
        return False

    def test_or_star(self) -> object:
        if self.at_op("*"):
            raise self.not_supported("starred expressions", self.tok.line)
        return self.test()

    def expr_or_star(self) -> object:
        if self.at_op("*"):
            raise self.not_supported("starred assignment", self.tok.line)
        return self.expr()

    def namedexpr_test(self) -> object:
        value = self.test()
        if self.at_op(":="):
            raise self.not_supported("assignment expressions", self.tok.line)
        return value

    def test(self) -> object:
        if self.at_kw("lambda"):
            raise self.not_supported(_NOT_YET["lambda"], self.tok.line)
        line = self.tok.line
        body = self.or_test()
        if not self.at_kw("if"):
            return body
        if_line = self.advance().line
        cond = self.or_test()
        self.expect_kw("else")
        orelse = self.test()
        return Node("test_if_expr", line, [body, Node("test_if_else", if_line, [cond, orelse])])

    def logical(self, kind: str, word: str, operand) -> object:
        line = self.tok.line
        items = [operand()]
        while self.accept_kw(word):
            items.append(operand())
        if len(items) == 1:
            return items[0]
        return _fold_logical(Node(kind, line, items))

    def or_test(self) -> object:
        return self.logical("or_test", "or", self.and_test)

    def and_test(self) -> object:
        return self.logical("and_test", "and", self.not_test)

    def not_test(self) -> object:
        if self.at_kw("not"):
            line = self.advance().line
            operand = self.not_test()
            if is_const_false(operand):
                return Tok("True")
            if is_const_true(operand):
                return Tok("False")
            return Node("not_test_2", line, [operand])
        return self.comparison()

    def comparison(self) -> object:
        line = self.tok.line
        items = [self.expr()]
        while True:
            if self.at_op(*COMPARE_OPS):
                op = self.advance().value
            elif self.at_kw("in"):
                self.advance()
                op = "in"
            elif self.at_kw("not") and self.tokens[self.pos + 1] == Token(
                "kw", "in", self.tok.line
            ):
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

    def same_op_list(self, kind: str, op: str, operand, fold) -> object:
        line = self.tok.line
        items = [operand()]
        while self.accept_op(op):
            items.append(operand())
        if len(items) == 1:
            return items[0]
        return self.fold_ints(Node(kind, line, items), fold)

    def expr(self) -> object:
        return self.same_op_list("expr", "|", self.xor_expr, _fold_same_op("|"))

    def xor_expr(self) -> object:
        return self.same_op_list("xor_expr", "^", self.and_expr, _fold_same_op("^"))

    def and_expr(self) -> object:
        return self.same_op_list("and_expr", "&", self.shift_expr, _fold_same_op("&"))

    def mixed_op_list(self, kind: str, ops: tuple[str, ...], operand) -> object:
        line = self.tok.line
        items = [operand()]
        while self.at_op(*ops):
            items.append(Tok(self.advance().value))
            items.append(operand())
        if len(items) == 1:
            return items[0]
        return self.fold_ints(Node(kind, line, items), _fold_mixed_ops)

    def shift_expr(self) -> object:
        return self.mixed_op_list("shift_expr", ("<<", ">>"), self.arith_expr)

    def arith_expr(self) -> object:
        return self.mixed_op_list("arith_expr", ("+", "-"), self.term)

    def term(self) -> object:
        return self.mixed_op_list("term", ("*", "@", "/", "%", "//"), self.factor)

    def factor(self) -> object:
        if self.at_op("+", "-", "~"):
            line = self.tok.line
            op = self.advance().value
            operand = self.factor()
            value = int_value(operand)
            if value is not None:
                folded = {"+": value, "-": -value, "~": ~value}[op]
                return self.make_int(host_int(folded, isinstance(value, MpzInt)), 0)
            return Node("factor_2", line, [Tok(op), operand])
        return self.power()

    def power(self) -> object:
        line = self.tok.line
        base = self.atom_expr()
        if not self.accept_op("**"):
            return base
        exponent = self.factor()
        return self.fold_ints(Node("power", line, [base, exponent]), _fold_same_op("**"))

    def fold_ints(self, node: Node, fold) -> object:
        result = fold(node.args)
        if result is None:
            return node
        return self.make_int(result, 0)

    def atom_expr(self) -> object:
        line = self.tok.line
        if self.at_kw("await"):
            raise self.not_supported(_NOT_YET["await"], line)
        atom = self.atom()
        trailers = []
        while self.at_op("(", "[", "."):
            trailers.append(self.trailer())
        if not trailers:
            return atom
        trailer = (
            trailers[0]
            if len(trailers) == 1
            else Node("atom_expr_trailers", trailers[0].line, trailers)
        )
        return Node("atom_expr_normal", line, [atom, trailer])

    def trailer(self) -> Node:
        line = self.tok.line
        if self.accept_op("("):
            args = self.arglist()
            self.expect_op(")")
            return Node("trailer_paren", line, [args])
        if self.accept_op("["):
            raise self.not_supported("subscripts", line)
        self.expect_op(".")
        return Node("trailer_period", line, [self.expect_name()])

    def arglist(self) -> object:
        if self.at_op(")"):
            return None
        line = self.tok.line
        items = []
        trailing = False
        while True:
            items.append(self.argument())
            if not self.accept_op(","):
                break
            if self.at_op(")"):
                trailing = True
                break
        if len(items) == 1 and not trailing:
            return items[0]
        return Node("arglist", line, items)

    def argument(self) -> object:
        line = self.tok.line
        if self.at_op("*", "**"):
            raise self.not_supported("star arguments", line)
        value = self.test()
        if self.accept_op("="):
            return Node("argument", line, [value, self.test()])
        if self.at_kw("for"):
            raise self.not_supported("generator expressions", self.tok.line)
        return value

    def atom(self) -> object:
        tok = self.tok
        if tok.kind == "name":
            self.advance()
            if tok.value in self.consts:
                value = self.consts[tok.value]
                if isinstance(value, int) and not isinstance(value, bool):
                    return self.make_int(value, tok.line)
                return Node(CONST_OBJECT, tok.line, [value])
            self.interned.add(tok.value)
            return Id(tok.value)
        if tok.kind == "int":
            self.advance()
            return self.make_int(host_int(tok.value, False), tok.line)
        if tok.kind == "float":
            self.advance()
            return Node(CONST_OBJECT, tok.line, [tok.value])
        if tok.kind in ("str", "bytes", "fstring"):
            return self.string_atom()
        if tok.kind == "kw" and tok.value in ("None", "True", "False"):
            self.advance()
            return Tok(tok.value)
        if self.at_op("..."):
            self.advance()
            return Tok("...")
        if self.at_op("("):
            return self.atom_paren()
        if self.at_op("["):
            raise self.not_supported("lists", tok.line)
        if self.at_op("{"):
            raise self.not_supported("dicts and sets", tok.line)
        raise self.syntax_error()

    def string_atom(self) -> object:
        """Adjacent string literals join into one constant, as the lexer does."""
        first = self.tok
        if first.kind == "fstring":
            raise self.not_supported("f-strings", first.line)
        parts = []
        while self.tok.kind == first.kind:
            parts.append(self.advance().value)
        if self.tok.kind in ("str", "bytes", "fstring"):
            raise self.syntax_error()
        if first.kind == "bytes":
            return Node(CONST_OBJECT, first.line, [b"".join(parts)])
        text = "".join(parts)
        if len(text.encode()) <= INTERN_STRING_LEN:
            self.interned.add(text)
            return Str(text)
        if text in self.interned:
            return Str(text)
        return Node(CONST_OBJECT, first.line, [text])

    def atom_paren(self) -> object:
        line = self.advance().line
        if self.accept_op(")"):
            return Node("atom_paren", line, [None])
        inner_line = self.tok.line
        first = self.namedexpr_test()
        if self.accept_op(")"):
            return first
        if self.at_kw("for"):
            raise self.not_supported("generator expressions", self.tok.line)
        items = [first]
        while self.accept_op(","):
            if self.at_op(")"):
                break
            items.append(self.namedexpr_test())
        self.expect_op(")")
        if all(_is_const(i) for i in items):
            return Node(CONST_OBJECT, line, [tuple(_const_value(i) for i in items)])
        return Node("atom_paren", line, [Node("testlist_comp", inner_line, items)])


# -- folding helpers ----------------------------------------------------------------


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


_INT_OPS = {
    "|": operator.or_, "^": operator.xor, "&": operator.and_, "<<": operator.lshift,
    ">>": operator.rshift, "+": operator.add, "-": operator.sub, "*": operator.mul,
    "//": operator.floordiv, "%": operator.mod, "**": operator.pow,
}  # fmt: skip


def _int_binary(op: str, a: int, b: int) -> int | None:
    """Fold one integer operation, or None where MicroPython leaves it to run time."""
    if op not in _INT_OPS:  # / and @ are never folded
        return None
    if op in ("<<", ">>", "**") and b < 0:
        return None
    if op in ("//", "%") and b == 0:
        return None
    return host_int(_INT_OPS[op](a, b), isinstance(a, MpzInt) or isinstance(b, MpzInt))


def _fold_same_op(op: str):
    def fold(args: list) -> int | None:
        values = [int_value(a) for a in args]
        if any(v is None for v in values):
            return None
        if op == "**":
            # power is right-associative: fold from the right
            result = values[-1]
            for v in reversed(values[:-1]):
                if result < 0:
                    return None
                result = _int_binary("**", v, result)
            return result
        result = values[0]
        for v in values[1:]:
            result = _int_binary(op, result, v)
        return result

    return fold


def _fold_mixed_ops(args: list) -> int | None:
    result = int_value(args[0])
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


def parse(source: str, source_name: str, small_int_bits: int, interned: set[str]) -> object:
    """Parse a whole module; `interned` collects the strings that become qstrs."""
    return Parser(source, source_name, small_int_bits, interned).parse_file()
