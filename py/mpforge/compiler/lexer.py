"""Tokenizer for MicroPython source.

Produces the token stream MicroPython's lexer produces: logical lines end in
NEWLINE, indentation changes become INDENT / DEDENT (or DEDENT_MISMATCH, which the
parser reports as an IndentationError), brackets join physical lines. Errors are not
raised here: a bad character becomes an ERROR token, and the parser reports
"invalid syntax" at its line, which is where mpy-cross reports it.
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
    """( ) [ ] { } , : ; @ = . -> += -= *= @= /= //= %= &= |= ^= >>= <<= **= :=
    + - * ** / // % << >> & | ^ ~ < > <= >= == != ...""".split(),
    key=len,
    reverse=True,
)

OPEN_BRACKETS = "([{"
CLOSE_BRACKETS = ")]}"

_ESCAPES = {
    "\\": "\\", "'": "'", '"': '"', "a": "\a", "b": "\b", "f": "\f", "n": "\n",
    "r": "\r", "t": "\t", "v": "\v",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # name, int, float, str, bytes, op, kw, newline, indent, dedent,
    #            dedent_mismatch, end, error
    value: object
    line: int


class _Scanner:
    def __init__(self, source: str) -> None:
        self.src = source.replace("\r\n", "\n").replace("\r", "\n")
        self.pos = 0
        self.line = 1
        self.tokens: list[Token] = []
        self.indents = [0]
        self.nesting = 0

    def emit(self, kind: str, value: object = None, line: int | None = None) -> None:
        self.tokens.append(Token(kind, value, self.line if line is None else line))

    def peek(self, offset: int = 0) -> str:
        i = self.pos + offset
        return self.src[i] if i < len(self.src) else ""

    def run(self) -> list[Token]:
        at_line_start = True
        while True:
            if at_line_start and self.nesting == 0:
                if not self.indentation():
                    break
            at_line_start = False
            c = self.peek()
            if c == "":
                break
            if c in " \t\f":
                self.pos += 1
            elif c == "#":
                while self.peek() not in ("\n", ""):
                    self.pos += 1
            elif c == "\\" and self.peek(1) == "\n":
                self.pos += 2
                self.line += 1
            elif c == "\n":
                if self.nesting == 0:
                    self.emit("newline")
                self.pos += 1
                self.line += 1
                at_line_start = True
            elif c.isalpha() or c == "_" or ord(c) >= 0x80:
                self.name_or_string()
            elif c.isdigit() or (c == "." and self.peek(1).isdigit()):
                self.number()
            elif c in "'\"":
                self.string("")
            else:
                self.operator()
            if self.tokens and self.tokens[-1].kind == "error":
                return self.tokens
        if self.tokens and self.tokens[-1].kind not in ("newline", "dedent", "indent"):
            self.emit("newline")
        while len(self.indents) > 1:
            self.indents.pop()
            self.emit("dedent")
        self.emit("end")
        return self.tokens

    def indentation(self) -> bool:
        """Measure a new line's indent; skip blank lines. False at end of input."""
        while True:
            col = 0
            while self.peek() in (" ", "\t", "\f"):
                col = (col // 8 + 1) * 8 if self.peek() == "\t" else col + 1
                self.pos += 1
            c = self.peek()
            if c == "#":
                while self.peek() not in ("\n", ""):
                    self.pos += 1
                c = self.peek()
            if c == "\n":
                self.pos += 1
                self.line += 1
                continue
            if c == "\\" and self.peek(1) == "\n":
                self.pos += 2
                self.line += 1
                continue
            if c == "":
                return False
            break
        if col > self.indents[-1]:
            self.indents.append(col)
            self.emit("indent")
        else:
            while col < self.indents[-1]:
                self.indents.pop()
                self.emit("dedent")
            if col != self.indents[-1]:
                self.emit("dedent_mismatch")
        return True

    def name_or_string(self) -> None:
        start = self.pos
        while True:
            c = self.peek()
            if c and (c.isalnum() or c == "_" or ord(c) >= 0x80):
                self.pos += 1
            else:
                break
        word = self.src[start : self.pos]
        if self.peek() in ("'", '"') and word.lower() in ("r", "b", "f", "rb", "br", "fr", "rf"):
            self.string(word.lower())
            return
        self.emit("kw" if word in KEYWORDS else "name", word)

    def number(self) -> None:
        start = self.pos
        line = self.line
        is_float = False
        if self.peek() == "0" and self.peek(1).lower() in "xob" and self.peek(1):
            self.pos += 2
            while self.peek().isalnum() or self.peek() == "_":
                self.pos += 1
        else:
            while True:
                c = self.peek()
                if c.isdigit() or c == "_":
                    self.pos += 1
                elif c == ".":
                    is_float = True
                    self.pos += 1
                elif c in "eE" and (
                    self.peek(1).isdigit() or (self.peek(1) in "+-" and self.peek(2).isdigit())
                ):
                    is_float = True
                    self.pos += 2
                elif c in "jJ":
                    is_float = True
                    self.pos += 1
                    break
                else:
                    break
        text = self.src[start : self.pos].replace("_", "")
        try:
            if is_float:
                value: object = complex(text) if text[-1] in "jJ" else float(text)
                self.emit("float", value, line)
            else:
                self.emit("int", _parse_int(text), line)
        except ValueError:
            self.emit("error", text, line)

    def string(self, prefix: str) -> None:
        line = self.line
        quote = self.peek()
        if self.src.startswith(quote * 3, self.pos):
            delim = quote * 3
        else:
            delim = quote
        self.pos += len(delim)
        raw = "r" in prefix
        chars: list[str] = []
        while True:
            if self.pos >= len(self.src):
                self.emit("error", "unterminated string", line)
                return
            if self.src.startswith(delim, self.pos):
                self.pos += len(delim)
                break
            c = self.src[self.pos]
            if c == "\n":
                if len(delim) == 1:
                    self.emit("error", "unterminated string", line)
                    return
                self.line += 1
            if c == "\\" and not raw:
                chars.append(self.escape("b" in prefix))
                continue
            if c == "\\" and raw and self.pos + 1 < len(self.src):
                chars.append(c + self.src[self.pos + 1])
                if self.src[self.pos + 1] == "\n":
                    self.line += 1
                self.pos += 2
                continue
            chars.append(c)
            self.pos += 1
        text = "".join(chars)
        if "f" in prefix:
            self.emit("fstring", text, line)
        elif "b" in prefix:
            self.emit("bytes", text.encode("latin-1", "replace"), line)
        else:
            self.emit("str", text, line)

    def escape(self, is_bytes: bool) -> str:
        nxt = self.peek(1)
        self.pos += 2
        if nxt == "\n":
            self.line += 1
            return ""
        if nxt in _ESCAPES:
            return _ESCAPES[nxt]
        if nxt in "01234567":
            digits = nxt
            while len(digits) < 3 and self.peek() in "01234567" and self.peek():
                digits += self.peek()
                self.pos += 1
            return chr(int(digits, 8))
        width = {"x": 2, "u": 4, "U": 8}.get(nxt)
        if width and not (is_bytes and nxt != "x"):
            digits = self.src[self.pos : self.pos + width]
            if len(digits) == width and all(d in "0123456789abcdefABCDEF" for d in digits):
                self.pos += width
                return chr(int(digits, 16))
        # unknown escapes are kept as written, as in Python
        return "\\" + nxt

    def operator(self) -> None:
        for op in OPERATORS:
            if self.src.startswith(op, self.pos):
                self.pos += len(op)
                if op in OPEN_BRACKETS:
                    self.nesting += 1
                elif op in CLOSE_BRACKETS and self.nesting > 0:
                    self.nesting -= 1
                self.emit("op", op)
                return
        self.emit("error", self.peek())


def _parse_int(text: str) -> int:
    lowered = text.lower()
    if lowered.startswith(("0x", "0o", "0b")):
        return int(lowered[2:], {"x": 16, "o": 8, "b": 2}[lowered[1]])
    if len(text) > 1 and text[0] == "0" and text.strip("0"):
        raise ValueError(text)
    return int(text)


def tokenize(source: str) -> list[Token]:
    """The whole token stream of `source`, ending with an `end` token (or an `error`).

    A NEWLINE token carries the line of the token after it: MicroPython's lexer
    produces it only once it has skipped to the next significant line, and syntax
    errors at a NEWLINE are reported there.
    """
    tokens = _Scanner(source).run()
    for i in range(len(tokens) - 2, -1, -1):
        if tokens[i].kind == "newline":
            tokens[i] = Token("newline", None, tokens[i + 1].line)
    return tokens
