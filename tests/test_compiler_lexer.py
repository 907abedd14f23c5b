"""The lexer's fast path must agree with its operator table."""

from __future__ import annotations

import itertools
import re

from mpforge.compiler.lexer import FAST_OPERATOR, OPERATORS


def test_fast_operator_pattern_is_exactly_the_operators() -> None:
    # every string of up to three operator characters: the fast path's pattern takes it
    # whole exactly when the table lists it
    pattern = re.compile(FAST_OPERATOR)
    chars = sorted(set("".join(OPERATORS)) | set("!$?"))
    texts = {"".join(p) for n in (1, 2, 3) for p in itertools.product(chars, repeat=n)}
    assert {text for text in texts if pattern.fullmatch(text)} == set(OPERATORS)
