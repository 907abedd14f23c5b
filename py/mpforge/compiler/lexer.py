"""Tokenizer for MicroPython source, token for token what MicroPython's lexer produces.

The token stream decides error lines and what the parser sees, so this follows the
reference lexer's rules rather than CPython's:

- a NEWLINE token is produced when the next significant line starts, and carries
  that line's number; INDENT / DEDENT tokens follow it (a bad dedent makes the
  NEWLINE a DEDENT_MISMATCH);
- adjacent string literals are joined here, in the lexer;
- an f-string is lowered to `'...'.format(args)` by injecting `.format(a,b,)` into
  the character stream after the literal, so what follows is lexed as ordinary code;
- bad input never raises: it becomes an INVALID token, which the parser reports.
"""

from __future__ import annotations

from dataclasses import dataclass

KEYWORDS = frozenset(
    """False None True __debug__ and as assert async await break class continue def
    del elif else except finally for from global if import in is lambda nonlocal not
    or pass raise return try while with yield""".split()
)

# Longest first, so that e.g. '**=' wins over '**' and '*'.
OPERATORS = sorted(
    """( ) [ ] { } , ; ~ : := < <= << <<= > >= >> >>= * *= ** **= + += - -= -> & &=
    | |= / /= // //= % %= ^ ^= @ @= = == != . ...""".split(),
    key=len,
    reverse=True,
)

_SIMPLE_ESCAPES = {
    "\\": "\\", "'": "'", '"': '"', "a": "\a", "b": "\b", "t": "\t", "n": "\n",
    "v": "\v", "f": "\f", "r": "\r",
}  # fmt: skip
TAB_SIZE = 8
EOF = ""


@dataclass(frozen=True, slots=True)
class Token:
    # name, int, float, str, bytes, op, kw, newline, indent, dedent, dedent_mismatch,
    # end, invalid, lonely_string, fstring_raw, unicode_name_escape
    kind: str
    value: object
    line: int
    column: int = 0


class Lexer:
    def __init__(self, source: str, optimize: int = 0) -> None:
        src = source.replace("\r\n", "\n").replace("\r", "\n")
        if src and not src.endswith("\n"):
            src += "\n"
        self.src = src
        self.pos = 0
        self.line = 1
        self.column = 1
        self.optimize = optimize
        self.indents = [0]
        self.emit_dent = 0
        self.nesting = 0
        self.fstring_args: list[str] = []
        self.bad_escape = False  # an escape that makes the current string token invalid
        self.name_escape = False  # \N{...}: MicroPython refuses these outright

    # -- the character queue --------------------------------------------------------

    def char(self, offset: int = 0) -> str:
        i = self.pos + offset
        return self.src[i] if i < len(self.src) else EOF

    def next_char(self) -> None:
        c = self.char()
        if c == "\n":
            self.line += 1
            self.column = 1
        elif c == "\t":
            self.column = ((self.column - 1 + TAB_SIZE) // TAB_SIZE) * TAB_SIZE + 1
        else:
            self.column += 1
        self.pos += 1

    def at(self, *chars: str) -> bool:
        c = self.char()
        return c != EOF and c in chars

    def skip_whitespace(self, stop_at_newline: bool) -> bool:
        had_newline = False
        while self.char() != EOF:
            c = self.char()
            if c == "\n":
                if stop_at_newline and self.nesting == 0:
                    break
                had_newline = True
                self.next_char()
            elif c in " \t\f\v":
                self.next_char()
            elif c == "#":
                while self.char() not in (EOF, "\n"):
                    self.next_char()
            elif c == "\\" and self.char(1) == "\n":
                self.next_char()
                self.next_char()
            else:
                break
        return had_newline

    # -- tokens ---------------------------------------------------------------------

    def tokens(self) -> list[Token]:
        out: list[Token] = []
        first = True
        while True:
            tok = self.next_token()
            if first and tok.column != 1:
                # the first token must start in column 1
                tok = Token("indent", None, tok.line, tok.column)
            first = False
            out.append(tok)
            if tok.kind in ("end", "fstring_raw"):
                # a raw f-string stops the lexer where it stands; the parser reports it
                return out

    def next_token(self) -> Token:
        if self.fstring_args:
            # the f-string literal is complete: lex its arguments next
            injected = "".join(self.fstring_args) + ")"
            self.fstring_args = []
            self.src = self.src[: self.pos] + injected + self.src[self.pos :]
        had_newline = self.skip_whitespace(False)
        line, column = self.line, self.column

        def tok(kind: str, value: object = None) -> Token:
            return Token(kind, value, line, column)

        if self.emit_dent < 0:
            self.emit_dent += 1
            return tok("dedent")
        if self.emit_dent > 0:
            self.emit_dent -= 1
            return tok("indent")
        if had_newline and self.nesting == 0:
            indent = self.column - 1
            if indent > self.indents[-1]:
                self.indents.append(indent)
                self.emit_dent += 1
            elif indent < self.indents[-1]:
                while indent < self.indents[-1]:
                    self.indents.pop()
                    self.emit_dent -= 1
                if indent != self.indents[-1]:
                    return tok("dedent_mismatch")
            return tok("newline")
        if self.char() == EOF:
            return tok("end")
        if self.starts_string():
            kind, value = self.strings()
            return tok(kind, value)
        c = self.char()
        if c.isalpha() or c == "_" or ord(c) >= 0x80:
            start = self.pos
            while (c := self.char()) != EOF and (c.isalnum() or c == "_" or ord(c) >= 0x80):
                self.next_char()
            word = self.src[start : self.pos]
            if word == "__debug__":
                return tok("kw", "True" if self.optimize == 0 else "False")
            return tok("kw" if word in KEYWORDS else "name", word)
        if c.isdigit() or (c == "." and self.char(1).isdigit()):
            return self.number(tok)
        for op in OPERATORS:
            if self.src.startswith(op, self.pos):
                for _ in op:
                    self.next_char()
                if op in ("(", "[", "{"):
                    self.nesting += 1
                elif op in (")", "]", "}"):
                    self.nesting -= 1
                return tok("op", op)
        self.next_char()
        return tok("invalid", c)

    def number(self, tok) -> Token:
        forced_integer = False
        kind = "float" if self.char() == "." else "int"
        if kind == "int" and self.char() == "0" and self.char(1).lower() in ("b", "o", "x"):
            forced_integer = True
        text = [self.char()]
        self.next_char()
        while (c := self.char()) != EOF:
            if not forced_integer and c in "eE":
                kind = "float"
                text.append("e")
                self.next_char()
                if self.char() in ("+", "-") and self.char() != EOF:
                    text.append(self.char())
                    self.next_char()
            elif c.isalnum() or c == ".":
                if c in ".jJ":
                    kind = "float"
                text.append(c)
                self.next_char()
            elif c == "_":
                self.next_char()
            else:
                break
        return tok(kind, "".join(text))

    # -- string literals ------------------------------------------------------------

    def starts_string(self) -> bool:
        c0, c1, c2 = self.char(), self.char(1), self.char(2)
        quotes = ("'", '"')
        if c0 in quotes and c0 != EOF:
            return True
        if c0 in ("r", "u", "b", "f") and c0 != EOF and c1 in quotes and c1 != EOF:
            return True
        return c0 + c1 in ("rf", "fr", "rb", "br") and c2 in quotes and c2 != EOF

    def strings(self) -> tuple[str, object]:
        """Lex one or more adjacent literals as one token: (kind, value)."""
        kind = ""
        chars: list[str] = []
        while True:
            is_raw = False
            is_fstring = False
            lit_kind = "str"
            n_prefix = 0
            c0, c1 = self.char(), self.char(1)
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
            for _ in range(n_prefix):
                self.next_char()
            if not self.literal(chars, kind, is_raw, is_fstring):
                return "lonely_string", None
            self.skip_whitespace(True)
            if not self.starts_string():
                break
        if self.name_escape:
            self.name_escape = False
            return "unicode_name_escape", None
        if self.bad_escape:
            self.bad_escape = False
            return "invalid", None
        text = "".join(chars)
        if kind == "bytes":
            return "bytes", bytes(ord(c) for c in text)
        return "str", text

    def literal(self, chars: list[str], kind: str, is_raw: bool, is_fstring: bool) -> bool:
        """Append one literal's characters; False if it is not closed."""
        quote = self.char()
        self.next_char()
        n_quotes = 1
        if self.char() == quote and self.char(1) == quote:
            self.next_char()
            self.next_char()
            n_quotes = 3
        if is_fstring:
            self.fstring_args.append(".format(")
        n_closing = 0
        while self.char() != EOF and (n_quotes > 1 or self.char() != "\n") and n_closing < n_quotes:
            c = self.char()
            if c == quote:
                n_closing += 1
                chars.append(c)
            else:
                n_closing = 0
                while is_fstring and self.char() == "{":
                    self.next_char()
                    if self.char() == "{":
                        # "{{" stays "{{" for str.format to undo
                        chars.append("{")
                        self.next_char()
                    else:
                        self.fstring_argument(chars)
                    chars.append("{")
                c = self.char()
                if c == "\\":
                    self.next_char()
                    self.escape(chars, kind, is_raw)
                elif c != EOF:
                    chars.append(self.char_as_units(c, kind))
            self.next_char()
        if n_closing < n_quotes:
            return False
        del chars[len(chars) - n_closing :]
        return True

    def fstring_argument(self, chars: list[str]) -> None:
        """Move the text of one `{expr[=][:spec]}` argument into the format args."""
        arg: list[str] = []
        depth = 0
        while self.char() != EOF and (depth != 0 or self.char() not in (":", "}")):
            c = self.char()
            if c in "[{":
                depth += 1
            elif c in "]}":
                depth -= 1
            arg.append(c)
            self.next_char()
        text = "".join(arg)
        if text.endswith("="):
            # f'{a=}' is 'a={}'.format(a)
            chars.extend(text)
            text = text[:-1]
        self.fstring_args.append(text + ",")

    def char_as_units(self, c: str, kind: str) -> str:
        # bytes literals hold their source as UTF-8 bytes, each a unit here
        if kind == "bytes" and ord(c) >= 0x80:
            return c.encode().decode("latin-1")
        return c

    def escape(self, chars: list[str], kind: str, is_raw: bool) -> None:
        """Handle the character after a backslash (the loop then moves past it)."""
        c = self.char()
        if is_raw:
            chars.append("\\")
            chars.append(self.char_as_units(c, kind))
            return
        if c == "\n":
            return
        if c in _SIMPLE_ESCAPES:
            chars.append(_SIMPLE_ESCAPES[c])
            return
        if c == "N":
            self.name_escape = True
            return
        if c in ("u", "U") and kind == "bytes":
            chars.append("\\")
            chars.append(c)
            return
        if c in ("x", "u", "U"):
            width = {"x": 2, "u": 4, "U": 8}[c]
            value = 0
            for _ in range(width):
                self.next_char()
                d = self.char()
                if d == EOF or d not in "0123456789abcdefABCDEF":
                    self.bad_escape = True
                    return
                value = value * 16 + int(d, 16)
            self.add_code(chars, value, kind)
            return
        if "0" <= c <= "7":
            value = int(c)
            digits = 3
            while "0" <= self.char(1) <= "7" and self.char(1) != EOF:
                digits -= 1
                if digits == 0:
                    break
                self.next_char()
                value = value * 8 + int(self.char())
            self.add_code(chars, value, kind)
            return
        # an unknown escape is kept as written
        chars.append("\\")
        chars.append(self.char_as_units(c, kind))

    def add_code(self, chars: list[str], value: int, kind: str) -> None:
        if (kind == "str" and value < 0x110000) or (kind == "bytes" and value < 0x100):
            chars.append(chr(value))
        else:
            self.bad_escape = True


def tokenize(source: str, optimize: int = 0) -> list[Token]:
    """The whole token stream of `source`, ending with an `end` token."""
    return Lexer(source, optimize).tokens()
