"""The Jinja environment every generated C file is rendered through.

Filters turn Python values into C tokens (string literals, identifiers); the shape of
the C itself lives in the templates, never in Python strings.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import jinja2

TEMPLATE_DIR = Path(__file__).resolve().parents[3] / "templates"


def c_string(data: str | bytes) -> str:
    """A C string literal for `data`, with every byte outside printable ASCII escaped."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    out = ['"']
    prev_hex = False
    for b in raw:
        ch = chr(b)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 32 <= b < 127 and ch != "?" and not (prev_hex and ch in "0123456789abcdefABCDEF"):
            out.append(ch)
        else:
            # octal keeps an escape from swallowing the digits that follow it
            out.append(f"\\{b:03o}")
            prev_hex = False
            continue
        prev_hex = False
    out.append('"')
    return "".join(out)


def c_comment(text: str) -> str:
    """Text that is safe inside a /* */ comment and on one line."""
    return repr(text)[1:-1].replace("*/", "*\\/")


_NOT_IDENT = re.compile(r"[^A-Za-z0-9_]")


def c_ident(text: str) -> str:
    """A C identifier fragment for `text` (module and function names)."""
    return _NOT_IDENT.sub(lambda m: f"_x{ord(m.group()):02x}_", text)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["c_string"] = c_string
    env.filters["c_comment"] = c_comment
    env.filters["c_ident"] = c_ident
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
