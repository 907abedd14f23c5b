"""Seeded random programs over data structures, for differential tests against CPython.

Where tests/program_gen.py varies control flow over ints, these vary what the
runtime's types do: str, list, tuple, dict and set methods, closures, generators,
exceptions raised by built-in operations and caught, and small classes with special
methods. Each program is a sequence of snippets, each built from random values and
printing what it computes; a snippet may run at module level (globals) or inside a
function (fast locals), which take different bytecode paths.

Every program is valid Python that terminates and prints the same on CPython and on
MicroPython v1.19. What the two print differently on purpose is left out:
exception messages (only `type(e).__name__` is printed), set iteration order (sets are
printed through sorted()), float formatting beyond small exact values, and the
differences noted where a snippet avoids them.
"""

from __future__ import annotations

import random

_WORDS = ["ab", "cd", "abc", "x", "hello", "World", "  pad ", "a-b", "1,2", "zz", "", "42", "Q"]
_CHARS = "abcxyz-, 1"
# sort keys for ints that never tie for unequal items (MicroPython's sort is not stable)
_TOTAL_KEYS = ["lambda v: (abs(v), v)", "lambda v: -v", "lambda v: (v % 3, v)"]


def _caught(exceptions: str, *body: str) -> list[str]:
    """`body` in a try whose handler prints the class of what it caught (the messages
    are MicroPython's own, not CPython's)."""
    return ["try:", *(f"    {line}" for line in body), f"except {exceptions} as e:",
            "    print(type(e).__name__)"]  # fmt: skip


class _Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.n = 0  # numbers the functions wrapping snippets

    # -- random values ------------------------------------------------------------
    def s(self) -> str:
        """A str literal of ASCII words."""
        return repr("".join(self.rng.choice(_WORDS) for _ in range(self.rng.randint(0, 4))))

    def sub(self) -> str:
        return repr("".join(self.rng.choice(_CHARS) for _ in range(self.rng.randint(0, 2))))

    def sep(self) -> str:
        """A non-empty str literal (split and replace refuse an empty separator)."""
        return repr("".join(self.rng.choice(_CHARS) for _ in range(self.rng.randint(1, 2))))

    def i(self, lo: int = -6, hi: int = 6) -> int:
        return self.rng.randint(lo, hi)

    def ints(self, n: int | None = None) -> str:
        n = self.rng.randint(0, 6) if n is None else n
        return repr([self.i(-9, 9) for _ in range(n)])

    def opt(self, value: str) -> str:
        return value if self.rng.random() < 0.6 else ""

    def sl(self, stride: bool = False) -> str:
        """A slice: any of start and stop, and with `stride` a step, never zero.
        MicroPython v1.19 takes a step other than 1 only when reading a list's slice
        (str and tuple raise NotImplementedError, and so does del of a list's)."""
        a, b = self.opt(str(self.i(-7, 7))), self.opt(str(self.i(-7, 7)))
        steps = [-3, -2, -1, 1, 2, 3] if stride else [1]
        step = self.rng.choice(["", "", str(self.rng.choice(steps))])
        return f"{a}:{b}" + (f":{step}" if step else "")

    def int_spec(self) -> str:
        """A format field for an int: [[fill]align][sign][#][0][width][type]."""
        r = self.rng
        align = r.choice(["", "", "<", ">", "^", "=", "*<", "x^", "0="])
        sign, alt = r.choice(["", "", "+", "-", " "]), r.choice(["", "#"])
        return f"{{:{align}{sign}{alt}{self.opt('0')}{self.opt(str(self.i(1, 9)))}" + (
            f"{r.choice(['', 'd', 'x', 'X', 'o', 'b'])}}}|"
        )

    # -- snippets -----------------------------------------------------------------
    def str_ops(self) -> list[str]:
        r = self.rng
        s = self.s()
        lines = [f"s = {s}"]
        for _ in range(r.randint(1, 4)):
            op = r.choice(
                [
                    f"s[{self.sl()}]",
                    f"s.find({self.sub()}), s.rfind({self.sub()}), s.count({self.sub()})",
                    f"s.find({self.sub()}, {self.i()})",
                    "s.split()",
                    f"s.split({self.sep()})",
                    f"s.split({r.choice(['-', ',', 'b', ' '])!r}, {self.i(0, 2)})",
                    f"{r.choice(['-', ', ', ''])!r}.join(s.split())",
                    f"s.replace({self.sep()}, {self.sub()})",
                    f"s.replace({r.choice('abx -')!r}, {self.sub()}, {self.i(0, 2)})",
                    "s.upper(), s.lower(), s.strip(), s.lstrip(), s.rstrip()",
                    f"s.strip({self.sub()})",
                    f"{self.sub()} in s, s < {s}, s == {self.s()}, s >= {self.s()}",
                    f"s.startswith({self.sub()}), s.endswith({self.sub()})",
                    "s.isdigit(), s.isalpha(), s.isspace(), len(s)",
                    f"s * {self.i(0, 3)} + {self.s()}",
                    f"{r.choice(['{}', '{:>8}', '{:<6}|', '{:^7}', '{!r}'])!r}.format(s)",
                    f"{self.int_spec()!r}.format({self.i(-300, 300)})",
                    f"'{{:{self.opt(r.choice(['<', '>', '^', '*<', '0>', '-^']))}{self.opt('0')}"
                    f"{self.opt(str(self.i(1, 9)))}}}|'.format(s)",
                    f"'%{r.choice(['', '-', '0', '+', ' ', '#'])}{self.opt(str(self.i(1, 7)))}"
                    f"{r.choice('dxXo')}|%{r.choice(['', '-'])}{self.opt(str(self.i(1, 7)))}s' % "
                    f"({self.i(-300, 300)}, s)",
                    f"'%s-%d-%r' % (s, {self.i(-99, 99)}, s)",
                    "sorted(s), list(reversed(s))[:3]",
                    "[c for c in s if c not in 'aeiou ']",
                    "str(len(s)) + s[1:]",
                ]
            )
            lines.append(f"print({op})")
        if r.random() < 0.3:
            lines += [
                "try:",
                f"    print(s.index({self.sub()}))",
                "except ValueError as e:",
                "    print('no', type(e).__name__)",
            ]
        return lines

    def list_ops(self) -> list[str]:
        r = self.rng
        lines = [f"L = {self.ints()}"]
        for _ in range(r.randint(2, 6)):
            lines.append(
                r.choice(
                    [
                        f"L.append({self.i()})",
                        f"L.insert({self.i(-8, 8)}, {self.i()})",
                        f"L.extend({self.ints(2)})",
                        f"L[{self.sl()}] = {self.ints()}",
                        f"del L[{self.sl()}]",
                        "L.sort()",
                        f"L.sort(key={r.choice(_TOTAL_KEYS)})",
                        "L.sort(reverse=True)",
                        "L.reverse()",
                        "L = L + L[:2]",
                        f"L = [v * {self.i(-2, 3)} for v in L if v != {self.i()}]",
                        # `L *= n` is a TypeError in MicroPython v1.19
                        f"L = L * {self.i(0, 2)}",
                        f"print(L.count({self.i()}), {self.i()} in L, len(L))",
                        f"print(L[{self.sl(stride=True)}])",
                        "print(sorted(L, key=lambda v: (v % 2, -v)))",
                        "print(min(L) if L else None, max(L) if L else None, sum(L))",
                        "print(L.pop() if L else 'empty')",
                        "print(L.pop(0) if L else 'empty')",
                        "print([(j, v) for j, v in enumerate(L) if j % 2])",
                    ]
                )
            )
        lines += [
            *_caught(
                "(ValueError, IndexError)",
                f"print(L.index({self.i()}), L.pop({self.i(-6, 6)}))",
                f"L.remove({self.i()})",
            ),
            "print(L)",
        ]
        return lines

    def tuple_ops(self) -> list[str]:
        r = self.rng
        t = repr(tuple(self.i() for _ in range(r.randint(0, 5))))
        lines = [f"t = {t}"]
        for _ in range(r.randint(1, 4)):
            op = r.choice(
                [
                    f"t[{self.sl()}]",
                    f"t + {t}, t * {self.i(0, 2)}",
                    f"t.count({self.i()}), {self.i()} in t, len(t)",
                    f"t < {t}, t == {t}, t > (0,), (t, 'x') < ((), 'y')",
                    f"tuple(sorted(t, reverse={r.choice(['True', 'False'])}))",
                    "tuple(v for v in t if v > 0)",
                ]
            )
            lines.append(f"print({op})")
        lines += [
            "if len(t) >= 2:",
            "    p, *q = t",
            "    print(p, q)",
            *_caught("(ValueError, IndexError)", f"print(t.index({self.i()}), t[{self.i(-6, 6)}])"),
        ]
        return lines

    def dict_ops(self) -> list[str]:
        r = self.rng
        keys = ["'a'", "'b'", "'cc'", "1", "2", "(1, 2)", "'z'"]
        k = lambda: r.choice(keys)  # noqa: E731
        items = ", ".join(f"{k()}: {self.i()}" for _ in range(r.randint(0, 4)))
        lines = [f"d = {{{items}}}"]
        for _ in range(r.randint(2, 6)):
            lines.append(
                r.choice(
                    [
                        f"d[{k()}] = {self.i()}",
                        f"print(d.get({k()}), d.get({k()}, {self.i()}))",
                        f"print(d.setdefault({k()}, {self.i()}))",
                        f"print(d.pop({k()}, 'none'))",
                        f"d.update({{{k()}: {self.i()}, {k()}: {self.i()}}})",
                        f"d.update([({k()}, {self.i()})])",
                        f"d.update({r.choice(['a', 'b', 'q'])}={self.i()})",
                        "if {0} in d:\n    del d[{0}]".format(k()),
                        "print(list(d.items()), list(d.keys()), list(d.values()))",
                        "print(len(d), sorted(d.values()))",
                        f"d = {{kk: vv * 2 for kk, vv in d.items() if vv != {self.i()}}}",
                        "print(d)",
                        "d2 = dict(d)\nd2[99] = 0\nprint(d == d2, 99 in d, len(d2))",
                        "print([kk for kk in d])",
                        "d = dict(zip(['p', 'q', 'r'], [3, 1, 2]))",
                    ]
                )
            )
        lines += [
            *_caught("KeyError", f"print(d[{k()}])"),
            "print(d)",
        ]
        return lines

    def set_ops(self) -> list[str]:
        r = self.rng
        lines = [f"A = set({self.ints()})", f"B = {{{self.ints(r.randint(1, 5))[1:-1]}}}"]
        for _ in range(r.randint(2, 5)):
            lines.append(
                r.choice(
                    [
                        f"A.add({self.i()})",
                        f"A.discard({self.i()})",
                        f"B.update({self.ints(2)})",
                        "print(sorted(A | B), sorted(A & B), sorted(A - B), sorted(A ^ B))",
                        "print(sorted(A.union(B)), sorted(A.intersection(B)))",
                        "print(sorted(A.difference(B)), sorted(B.symmetric_difference(A)))",
                        "print(A <= B, A.issubset(B), B.issuperset(A), A == B, len(A))",
                        f"print({self.i()} in A, {self.i()} not in B)",
                        "print(sorted({v % 3 for v in A}))",
                        "A = A | {100}",
                        "A -= B",
                        "print(A.isdisjoint(B), sorted(frozenset(B)))",
                    ]
                )
            )
        lines += [
            *_caught("KeyError", f"A.remove({self.i()})", "print('removed')"),
            "print(sorted(A), sorted(B))",
        ]
        return lines

    def closure(self) -> list[str]:
        r = self.rng
        a, b = self.i(-3, 5), self.i(1, 4)
        return [
            "def make(start):",
            "    total = start",
            "    def step(k):",
            "        nonlocal total",
            f"        total = total * {b} + k",
            "        return total",
            "    return step",
            f"st = make({a})",
            f"print([st(k) for k in range({self.i(0, 5)})])",
            f"adders = [lambda x, n=n: x + n for n in range({self.i(1, 4)})]",
            f"print([f({self.i()}) for f in adders])",
            "def outer(v):",
            "    def mid():",
            "        return lambda: " + r.choice(["v * 2", "(v, len(str(v)))"]),
            "    return mid()()",
            f"print(outer({self.i()}), outer({self.s()}))",
        ]

    def generator(self) -> list[str]:
        r = self.rng
        n = self.i(0, 7)
        lines = [
            "def gen(n):",
            "    for k in range(n):",
            f"        if k % {self.i(2, 4)} == 0:",
            "            yield k * k",
            "        else:",
            "            yield -k",
            "def chain(n):",
            "    yield from gen(n)",
            f"    yield {self.i()}",
            f"print(sum(gen({n})), list(chain({n})))",
            f"print(sum(x for x in range({self.i(0, 9)}) if x % 2), max(gen({n + 1})))",
            f"g = chain({n})",
            # next() with a default is not in MicroPython v1.19 (MICROPY_PY_BUILTINS_NEXT2)
            "print(next(g), list(g))",
        ]
        if r.random() < 0.5:
            lines += [
                "it = iter(gen(1))",
                "next(it)",
                *_caught("StopIteration", "next(it)"),
            ]
        if r.random() < 0.5:
            lines += [
                "def acc():",
                "    total = 0",
                "    while True:",
                "        got = yield total",
                "        total += got",
                "a = acc()",
                "next(a)",
                f"print([a.send(v) for v in {self.ints()}])",
            ]
        lines.append(f"print(list(zip(gen({n}), {self.s()})), dict(enumerate(gen(3))))")
        return lines

    def exceptions(self) -> list[str]:
        r = self.rng
        raisers = [
            "[1, 2][5]",
            "{}['k']",
            "int('x1')",
            f"{self.i(1, 9)} // 0",
            f"{self.i(1, 9)} % 0",
            "'a' + 1",
            "None.foo",
            "[].pop()",
            "'abc'.index('z')",
            "(1, 2).index(3)",
            "raise ValueError('v')",
            "raise KeyError(3)",
            "raise MyErr('m')",
            "[3, 1].remove(2)",
            "next(iter(()))",
            "1 + 1",
        ]
        lines = [
            "class MyErr(ValueError):",
            "    pass",
            "log = []",
            "def risky(k):",
            "    try:",
        ]
        choices = r.sample(raisers, 4)
        for j, c in enumerate(choices):
            kw = "if" if j == 0 else "elif"
            stmt = c if c.startswith("raise") else f"log.append({c})"
            lines += [f"        {kw} k == {j}:", f"            {stmt}"]
        lines += [
            "        return 'ok'",
            "    except (IndexError, KeyError) as e:",
            "        log.append('lookup ' + type(e).__name__)",
            "        return 'lookup'",
            r.choice(["    except MyErr:", "    except ValueError as e:"]),
            "        log.append('value')",
            f"        {r.choice(['return', 'raise'])} {r.choice(['', 'ValueError'])}".rstrip(),
            "    finally:",
            "        log.append('fin')",
            "for k in range(5):",
            "    try:",
            "        print(k, risky(k))",
            "    except Exception as e:",
            "        print(k, 'outer', type(e).__name__)",
            "print(log)",
        ]
        if r.random() < 0.5:
            lines += [
                "try:",
                "    try:",
                f"        {r.choice(raisers)}",
                "    finally:",
                "        print('inner finally')",
                "except Exception as e:",
                "    print('caught', type(e).__name__, isinstance(e, LookupError))",
                "else:",
                "    print('no error')",
            ]
        return lines

    def classes(self) -> list[str]:
        r = self.rng
        vals = [(self.i(0, 4), repr(r.choice(["a", "b", "c"]))) for _ in range(r.randint(1, 5))]
        lines = [
            "class P:",
            "    def __init__(self, x, tag='p'):",
            "        self.x = x",
            "        self.tag = tag",
            "    def __repr__(self):",
            "        return 'P(%d,%s)' % (self.x, self.tag)",
            "    def __eq__(self, other):",
            "        return self.x == other.x",
            "    def __lt__(self, other):",
            # a total order: MicroPython's sort is not stable, so ties would print differently
            "        return (self.x, self.tag) < (other.x, other.tag)",
            "    def bump(self, by=1):",
            "        self.x += by",
            "        return self",
            "class Q(P):",
            "    def __init__(self, x):",
            "        super().__init__(x, 'q')",
            "    def bump(self, by=2):",
            "        return P.bump(self, by * 2)",
            "ps = [" + ", ".join(self.instance(x, t) for x, t in vals) + "]",
            # MicroPython has no reflected comparisons: max() needs __gt__, which P lacks
            "print(ps, sorted(ps), min(ps), sorted(ps, reverse=True)[0])",
            f"print(ps[0] == P({self.i(0, 4)}), ps[0] != P(0), ps[0] < ps[-1], P(1) in ps)",
            f"print(ps[-1].bump().bump({self.i()}), [p.x for p in ps])",
            "print(str(ps[0]), repr(ps[0]), isinstance(ps[0], Q), type(ps[-1]).__name__)",
            "print(sorted(ps, key=lambda p: (-p.x, p.tag)), ps.index(ps[-1]), ps.count(ps[0]))",
        ]
        if r.random() < 0.5:
            lines += [
                "class Stack:",
                "    def __init__(self):",
                "        self.items = []",
                "    def push(self, v):",
                "        self.items.append(v)",
                "        return len(self.items)",
                "    def __len__(self):",
                "        return len(self.items)",
                "    def __getitem__(self, k):",
                "        return self.items[k]",
                "st = Stack()",
                f"print([st.push(v) for v in {self.ints()}], len(st), list(st)[:3])",
                *_caught("IndexError", "st[10]"),
            ]
        return lines

    def instance(self, x: int, tag: str) -> str:
        r = self.rng.random()
        return f"Q({x})" if r < 0.3 else f"P({x})" if r < 0.6 else f"P({x}, {tag})"

    def snippet(self) -> list[str]:
        kinds = [
            self.str_ops,
            self.list_ops,
            self.tuple_ops,
            self.dict_ops,
            self.set_ops,
            self.closure,
            self.generator,
            self.exceptions,
            self.classes,
        ]
        lines = "\n".join(self.rng.choice(kinds)()).split("\n")
        if self.rng.random() < 0.4:
            # inside a function the snippet's names are fast locals, not globals
            self.n += 1
            name = f"t{self.n}"
            return [f"def {name}():"] + ["    " + ln for ln in lines] + [f"{name}()"]
        return lines

    def program(self) -> str:
        lines = []
        for _ in range(self.rng.randint(3, 8)):
            lines += self.snippet()
        return "\n".join(lines) + "\n"


def random_data_program(seed: int) -> str:
    return _Gen(seed).program()
