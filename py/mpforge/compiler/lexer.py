"""Tokenizer for MicroPython source, token for token what MicroPython's lexer produces.

The token stream decides error lines and what the parser sees, so this follows the
reference lexer's rules rather than CPython's:

- source is bytes: it is scanned as Latin-1 text (one char per byte), so columns count
  bytes, identifiers may hold any byte >= 0x80 and strings keep bytes that are not
  UTF-8, as MicroPython keeps them;
- a NEWLINE token is produced when the next significant line starts, and carries
  that line's number; INDENT / DEDENT tokens follow it (a bad dedent makes the
  NEWLINE a DEDENT_MISMATCH);
- adjacent string literals are joined here, in the lexer;
- an f-string is lowered to `'...'.format(args)` by injecting `.format(a,b,)` into
  the source after the literal, so what follows is lexed as ordinary code;
- bad input never raises: it becomes an INVALID token, which the parser reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from ..mpy.format import bytes_to_str

KEYWORDS: Final = frozenset(
    """False None True __debug__ and as assert async await break class continue def
    del elif else except finally for from global if import in is lambda nonlocal not
    or pass raise return try while with yield""".split()
)

OPERATORS: Final = """( ) [ ] { } , ; ~ : := < <= << <<= > >= >> >>= * *= ** **= + += - -= -> & &=
    | |= / /= // //= % %= ^ ^= @ @= = == != . ...""".split()
_OPEN: Final = frozenset("([{")
_CLOSE: Final = frozenset(")]}")

# Whitespace, comments and backslash-newlines between tokens; group 1 is set when a
# physical newline was crossed.
_SKIP: Final = re.compile(r"(?:[ \t\f\v]+|#[^\n]*|\\\n)*((?:\n(?:[ \t\f\v]+|#[^\n]*|\\\n)*)+)?")
_NAME: Final = re.compile(r"[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*")
_OPERATOR: Final = re.compile(
    "|".join(re.escape(op) for op in sorted(OPERATORS, key=len, reverse=True))
)
# OPERATORS grouped by their first character, so the engine picks the branch at once
# instead of trying each operator in turn (a test checks it matches exactly OPERATORS)
FAST_OPERATOR: Final = (
    r"[()\[\]{},;~]|\*\*?=?|//?=?|<<?=?|>>?=?|-[=>]?|[+%&|^@=:]=?|!=|\.\.\.|\.(?![0-9])"
)
# The common token: a name, operator or decimal integer after spaces on the same line.
# Whatever this does not match (line ends, comments, strings and their prefixes, names
# with bytes >= 0x80, other numbers) takes the general path, `next_token`.
_FAST: Final = re.compile(
    r"[ \t]*(?:([A-Za-z_][A-Za-z0-9_]*+)(?![\x80-\xff'\"])|([0-9]++)(?![0-9A-Za-z_.])|("
    + FAST_OPERATOR
    + "))"
)
_STRING_START: Final = re.compile(r"(?:[rubf]|rb|br|rf|fr)?['\"]")
_SIMPLE_ESCAPES: Final = {
    "\\": "\\", "'": "'", '"': '"', "a": "\a", "b": "\b", "t": "\t", "n": "\n",
    "v": "\v", "f": "\f", "r": "\r",
}  # fmt: skip
_HEX: Final = frozenset("0123456789abcdefABCDEF")
TAB_SIZE: Final = 8


class Token:
    """One token. A plain class rather than a named tuple: compiled native, its fields
    are read directly, and the parser reads them for every token."""

    __slots__ = ("kind", "value", "line", "column")

    # name, int, float, str, bytes, op, kw, newline, indent, dedent, dedent_mismatch,
    # end, invalid, lonely_string, fstring_raw, unicode_name_escape
    kind: str
    value: Any  # the text of names, operators and keywords; the value of literals
    line: int
    column: int  # known for the first token and tokens that start a line, else 0

    def __init__(self, kind: str, value: Any, line: int, column: int = 0) -> None:
        self.kind = kind
        self.value = value
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return f"Token({self.kind!r}, {self.value!r}, {self.line}, {self.column})"


def _fast_scanner(src: str, pos: int) -> Callable[[], re.Match[str] | None]:
    """Successive matches of _FAST from `pos` on. Pattern.scanner is left out of the
    typing stubs, but has been part of re since Python 2 (re.Scanner is built on it)."""
    return _FAST.scanner(src, pos).match  # type: ignore[attr-defined]


def _utf8_units(code: int) -> str:
    """A code point as the Latin-1 view of its UTF-8 bytes (lone surrogates included)."""
    return chr(code).encode("utf-8", "surrogatepass").decode("latin-1")


class Lexer:
    def __init__(self, source: bytes, optimize: int = 0) -> None:
        src = source.replace(b"\r\n", b"\n").replace(b"\r", b"\n").decode("latin-1")
        if src and not src.endswith("\n"):
            src += "\n"
        self.src = src
        self.pos = 0
        self.line = 1
        self.line_start = 0  # index where the current line starts, for columns
        self.tab_fix = 0  # extra columns from tabs earlier on the current line
        self.optimize = optimize
        self.indents = [0]
        self.emit_dent = 0
        self.first = False  # lexing the first token, whose column is checked
        self.nesting = 0
        self.fstring_args: list[str] = []
        self.bad_escape = False  # an escape that makes the current string token invalid
        self.name_escape = False  # \N{...}: MicroPython refuses these outright

    # -- positions ------------------------------------------------------------------

    def column(self, pos: int) -> int:
        """1-based column of `pos` on the current line, tabs to multiples of 8."""
        segment = self.src[self.line_start : pos]
        if "\t" not in segment:
            return len(segment) + 1
        col = 1
        for c in segment:
            col = ((col - 1 + TAB_SIZE) // TAB_SIZE) * TAB_SIZE + 1 if c == "\t" else col + 1
        return col

    def advance_to(self, pos: int) -> None:
        """Move to `pos`, counting the newlines passed."""
        newlines = self.src.count("\n", self.pos, pos)
        if newlines:
            self.line += newlines
            self.line_start = self.src.rindex("\n", self.pos, pos) + 1
        self.pos = pos

    def skip_whitespace(self, stop_at_newline: bool) -> bool:
        m = _SKIP.match(self.src, self.pos)
        assert m is not None  # the pattern matches the empty string
        if m.group(1) is None:
            self.advance_to(m.end())
            return False
        if stop_at_newline and self.nesting == 0:
            self.advance_to(m.start(1))
            return False
        self.advance_to(m.end())
        return True

    # -- tokens ---------------------------------------------------------------------

    def tokens(self) -> list[Token]:
        out: list[Token] = []
        self.first = True
        tok = self.next_token()
        self.first = False
        if tok.column != 1:
            # the first token must start in column 1
            tok = Token("indent", None, tok.line, tok.column)
        out.append(tok)
        # the fast path, inlined: most tokens are a name, an operator or a small number.
        # A scanner matches on from where its last match ended, without the set-up a
        # fresh match() call costs; it is made anew after each token of the general path.
        src = self.src
        pos = self.pos
        line = self.line
        scan = _fast_scanner(src, pos)
        pending = self.emit_dent or self.fstring_args
        # a raw f-string stops the lexer where it stands; the parser reports it
        while tok.kind != "end" and tok.kind != "fstring_raw":
            if not pending:
                m = scan()
                if m is not None:
                    pos = m.end()
                    group = m.lastindex or 0  # never 0: every alternative is a group
                    text = m[group]
                    if group == 1:  # a name
                        if text not in KEYWORDS:
                            out.append(Token("name", text, line))
                        elif text == "__debug__":
                            value = "True" if self.optimize == 0 else "False"
                            out.append(Token("kw", value, line))
                        else:
                            out.append(Token("kw", text, line))
                    elif group == 2:
                        out.append(Token("int", text, line))
                    else:
                        if text in _OPEN:
                            self.nesting += 1
                        elif text in _CLOSE:
                            self.nesting -= 1
                        out.append(Token("op", text, line))
                    continue
            self.pos = pos
            tok = self.next_token()
            out.append(tok)
            src = self.src
            pos = self.pos
            line = self.line
            scan = _fast_scanner(src, pos)
            pending = self.emit_dent or self.fstring_args
        return out

    def next_token(self) -> Token:
        src = self.src
        if self.fstring_args:
            # the f-string literal is complete: lex its arguments next
            injected = "".join(self.fstring_args) + ")"
            self.fstring_args = []
            self.src = src = src[: self.pos] + injected + src[self.pos :]
        had_newline = self.skip_whitespace(False)
        pos = self.pos
        line = self.line
        # columns matter only for indentation and for the very first token
        column = self.column(pos) if had_newline or pos == 0 or self.first else 0

        if self.emit_dent < 0:
            self.emit_dent += 1
            return Token("dedent", None, line, column)
        if self.emit_dent > 0:
            self.emit_dent -= 1
            return Token("indent", None, line, column)
        if had_newline and self.nesting == 0:
            indent = column - 1
            if indent > self.indents[-1]:
                self.indents.append(indent)
                self.emit_dent += 1
            elif indent < self.indents[-1]:
                while indent < self.indents[-1]:
                    self.indents.pop()
                    self.emit_dent -= 1
                if indent != self.indents[-1]:
                    return Token("dedent_mismatch", None, line, column)
            return Token("newline", None, line, column)
        if pos >= len(src):
            return Token("end", None, line, column)
        c = src[pos]
        if c in "'\"rubf" and _STRING_START.match(src, pos):
            kind, value = self.strings()
            return Token(kind, value, line, column)
        m = _NAME.match(src, pos)
        if m:
            self.pos = m.end()
            word = m.group()
            if word in KEYWORDS:
                if word == "__debug__":
                    return Token("kw", "True" if self.optimize == 0 else "False", line, column)
                return Token("kw", word, line, column)
            return Token("name", bytes_to_str(word.encode("latin-1")), line, column)
        if "0" <= c <= "9" or (
            c == "." and "0" <= src[pos + 1 : pos + 2] <= "9" and src[pos + 1 : pos + 2]
        ):
            kind, text = self.number()
            return Token(kind, text, line, column)
        m = _OPERATOR.match(src, pos)
        if m:
            self.pos = m.end()
            op = m.group()
            if op in _OPEN:
                self.nesting += 1
            elif op in _CLOSE:
                self.nesting -= 1
            return Token("op", op, line, column)
        self.pos = pos + 1
        return Token("invalid", c, line, column)

    def number(self) -> tuple[str, str]:
        src = self.src
        pos = self.pos
        kind = "float" if src[pos] == "." else "int"
        forced_integer = (
            kind == "int" and src[pos] == "0" and src[pos + 1 : pos + 2] in tuple("bBoOxX")
        )
        text = [src[pos]]
        pos += 1
        while pos < len(src):
            c = src[pos]
            if not forced_integer and c in "eE":
                kind = "float"
                text.append("e")
                pos += 1
                if pos < len(src) and src[pos] in "+-":
                    text.append(src[pos])
                    pos += 1
            elif c.isascii() and (c.isalnum() or c == "."):
                if c in ".jJ":
                    kind = "float"
                text.append(c)
                pos += 1
            elif c == "_":
                pos += 1
            else:
                break
        self.pos = pos
        return kind, "".join(text)

    # -- string literals ------------------------------------------------------------

    def strings(self) -> tuple[str, object]:
        """Lex one or more adjacent literals as one token: (kind, value)."""
        src = self.src
        kind = ""
        chars: list[str] = []
        while True:
            is_raw = False
            is_fstring = False
            lit_kind = "str"
            pos = self.pos
            c0, c1 = src[pos], src[pos + 1 : pos + 2]
            n_prefix = 0
            if c0 == "u":
                n_prefix = 1
            elif c0 == "b":
                lit_kind = "bytes"
                n_prefix = 1
                if c1 == "r":
                    is_raw = True
                    n_prefix = 2
            elif c0 == "r":
                is_raw = True
                n_prefix = 1
                if c1 == "b":
                    lit_kind = "bytes"
                    n_prefix = 2
                if c1 == "f":
                    return "fstring_raw", None
            elif c0 == "f":
                if c1 == "r":
                    return "fstring_raw", None
                n_prefix = 1
                is_fstring = True
            if not kind:
                kind = lit_kind
            elif kind != lit_kind:
                break  # str and bytes literals do not join
            self.pos = pos + n_prefix
            if not self.literal(chars, kind, is_raw, is_fstring):
                return "lonely_string", None
            self.skip_whitespace(True)
            if self.pos >= len(src) or not _STRING_START.match(src, self.pos):
                break
        if self.name_escape:
            self.name_escape = False
            return "unicode_name_escape", None
        if self.bad_escape:
            self.bad_escape = False
            return "invalid", None
        data = "".join(chars).encode("latin-1")
        if kind == "bytes":
            return "bytes", data
        return "str", bytes_to_str(data)

    def literal(self, chars: list[str], kind: str, is_raw: bool, is_fstring: bool) -> bool:
        """Append one literal's characters (Latin-1 view of its bytes); False if unclosed."""
        src = self.src
        pos = self.pos
        quote = src[pos]
        pos += 1
        n_quotes = 1
        if src[pos : pos + 2] == quote * 2:
            pos += 2
            n_quotes = 3
        if is_fstring:
            self.fstring_args.append(".format(")
        n_closing = 0
        end = len(src)
        while pos < end and (n_quotes > 1 or src[pos] != "\n") and n_closing < n_quotes:
            c = src[pos]
            if c == quote:
                n_closing += 1
                chars.append(c)
            else:
                n_closing = 0
                while is_fstring and pos < end and src[pos] == "{":
                    pos += 1
                    if src[pos : pos + 1] == "{":
                        # "{{" stays "{{" for str.format to undo
                        chars.append("{")
                        pos += 1
                    else:
                        pos = self.fstring_argument(chars, pos)
                    chars.append("{")
                if pos >= end:
                    break
                c = src[pos]
                if c == "\\":
                    pos = self.escape(chars, kind, is_raw, pos + 1)
                else:
                    chars.append(c)
            pos += 1
        self.advance_to(min(pos, end))
        if n_closing < n_quotes:
            return False
        del chars[len(chars) - n_closing :]
        return True

    def fstring_argument(self, chars: list[str], pos: int) -> int:
        """Move the text of one `{expr[=][:spec]}` argument into the format args."""
        src = self.src
        start = pos
        depth = 0
        while pos < len(src) and (depth != 0 or src[pos] not in ":}"):
            c = src[pos]
            if c in "[{":
                depth += 1
            elif c in "]}":
                depth -= 1
            pos += 1
        text = src[start:pos]
        if text.endswith("="):
            # f'{a=}' is 'a={}'.format(a)
            chars.extend(text)
            text = text[:-1]
        self.fstring_args.append(text + ",")
        return pos

    def escape(self, chars: list[str], kind: str, is_raw: bool, pos: int) -> int:
        """Handle the escape whose letter is at `pos`; returns the position of its last char."""
        src = self.src
        c = src[pos] if pos < len(src) else ""
        if is_raw:
            chars.append("\\")
            chars.append(c)
            return pos
        if c == "\n" or c == "":
            return pos
        if c in _SIMPLE_ESCAPES:
            chars.append(_SIMPLE_ESCAPES[c])
            return pos
        if c == "N":
            self.name_escape = True
            return pos
        if c in "uU" and kind == "bytes":
            chars.append("\\")
            chars.append(c)
            return pos
        if c in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[c]
            digits = src[pos + 1 : pos + 1 + width]
            for i, d in enumerate(digits):
                if d not in _HEX:
                    self.bad_escape = True
                    return pos + 1 + i
            if len(digits) < width:
                self.bad_escape = True
                return pos + len(digits)
            self.add_code(chars, int(digits, 16), kind)
            return pos + width
        if "0" <= c <= "7":
            value = int(c)
            n = 1
            while n < 3 and "0" <= src[pos + 1 : pos + 2] <= "7" and src[pos + 1 : pos + 2]:
                pos += 1
                value = value * 8 + int(src[pos])
                n += 1
            self.add_code(chars, value, kind)
            return pos
        # an unknown escape is kept as written
        chars.append("\\")
        chars.append(c)
        return pos

    def add_code(self, chars: list[str], value: int, kind: str) -> None:
        if kind == "str" and value < 0x110000:
            chars.append(_utf8_units(value))
        elif kind == "bytes" and value < 0x100:
            chars.append(chr(value))
        else:
            self.bad_escape = True


def tokenize(source: str | bytes, optimize: int = 0) -> list[Token]:
    """The whole token stream of `source`, ending with an `end` token."""
    if isinstance(source, str):
        source = source.encode("utf-8", "surrogateescape")
    return Lexer(source, optimize).tokens()
