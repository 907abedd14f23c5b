"""Seeded random programs within the compiler's supported language, for differential tests.

Each program is valid Python that terminates; bodies vary in size so that jumps need
both the short and the long encoding, and expressions mix constants (folded by the
parser) with names (not folded).
"""

from __future__ import annotations

import random

_BINOPS = ["+", "-", "*", "//", "%", "<<", ">>", "&", "|", "^"]
_CMPOPS = ["<", ">", "==", "!=", "<=", ">="]


class _Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.lines: list[str] = []
        self.names = ["a", "b", "c"]

    def expr(self, depth: int = 0) -> str:
        r = self.rng.random()
        if depth > 2 or r < 0.3:
            if self.rng.random() < 0.5:
                return str(self.rng.choice([0, 1, 2, 3, 7, 15, 16, 63, 64, 100, 1000, 1 << 20]))
            return self.rng.choice(self.names)
        if r < 0.7:
            op = self.rng.choice(_BINOPS)
            rhs = self.expr(depth + 1)
            if op in ("//", "%", "<<", ">>"):
                rhs = str(self.rng.randint(1, 5))
            return f"({self.expr(depth + 1)} {op} {rhs})"
        if r < 0.8:
            return f"-{self.expr(depth + 1)}"
        if r < 0.9:
            return f"({self.expr(depth + 1)} if {self.cond(depth + 1)} else {self.expr(depth + 1)})"
        return f"f{self.rng.randint(0, 1)}({self.expr(depth + 1)}, {self.expr(depth + 1)})"

    def cond(self, depth: int = 0) -> str:
        r = self.rng.random()
        if r < 0.5:
            return f"{self.expr(depth + 1)} {self.rng.choice(_CMPOPS)} {self.expr(depth + 1)}"
        if r < 0.7:
            return f"not {self.cond(depth + 1)}" if depth < 3 else "True"
        if r < 0.9 and depth < 3:
            word = self.rng.choice(["and", "or"])
            return f"({self.cond(depth + 1)} {word} {self.cond(depth + 1)})"
        return self.rng.choice(["True", "False", "a", "0", "1"])

    def block(self, indent: int, depth: int, in_loop: bool) -> None:
        for _ in range(self.rng.randint(1, 6 if depth < 2 else 2)):
            self.stmt(indent, depth, in_loop)

    def stmt(self, indent: int, depth: int, in_loop: bool) -> None:
        pad = "    " * indent
        r = self.rng.random()
        if r < 0.35 or depth > 2:
            name = self.rng.choice(self.names)
            op = self.rng.choice(["=", "+=", "-=", "^=", "|="])
            self.lines.append(f"{pad}{name} {op} {self.expr()} % 100000")
        elif r < 0.5:
            self.lines.append(f"{pad}print({self.expr()}, {self.cond()})")
        elif r < 0.65:
            self.lines.append(f"{pad}if {self.cond()}:")
            self.block(indent + 1, depth + 1, in_loop)
            if self.rng.random() < 0.5:
                self.lines.append(f"{pad}elif {self.cond()}:")
                self.block(indent + 1, depth + 1, in_loop)
            if self.rng.random() < 0.5:
                self.lines.append(f"{pad}else:")
                self.block(indent + 1, depth + 1, in_loop)
        elif r < 0.8:
            var = f"i{depth}"
            args = self.rng.choice(["5", "1, 6", "10, 0, -3", "a % 4", "0, 9, 2"])
            self.lines.append(f"{pad}for {var} in range({args}):")
            self.block(indent + 1, depth + 1, True)
            if self.rng.random() < 0.3:
                self.lines.append(f"{pad}else:")
                self.block(indent + 1, depth + 1, in_loop)
        elif r < 0.9:
            var = f"w{depth}"
            self.lines.append(f"{pad}{var} = 0")
            self.lines.append(f"{pad}while {var} < {self.rng.randint(1, 4)}:")
            self.lines.append(f"{pad}    {var} += 1")
            self.block(indent + 1, depth + 1, True)
        elif in_loop:
            self.lines.append(f"{pad}if {self.cond()}:")
            self.lines.append(f"{pad}    {self.rng.choice(['break', 'continue'])}")
        else:
            self.lines.append(f"{pad}pass")

    def program(self) -> str:
        self.lines = [
            "def f0(x, y):",
            "    return (x * 3 + y) % 1000",
            "def f1(x, y=2):",
            "    if x > y:",
            "        return x - y",
            "    return y - x",
            "a = 1",
            "b = 2",
            "c = 3",
        ]
        self.block(0, 0, False)
        self.lines.append("print(a, b, c)")
        return "\n".join(self.lines) + "\n"


def random_program(seed: int) -> str:
    return _Gen(seed).program()
