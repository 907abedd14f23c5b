"""Board templates: mpconfigboard.h and the linker script, rendered from templates/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mpforge.build.board import pin_number
from mpforge.build.fileutil import write_if_changed
from mpforge.build.tools.mpf_errors import user_action


@user_action
def _render(target: Any, source: Any, env: Any) -> None:
    import jinja2

    template = Path(source[0].abspath)
    context = json.loads(source[1].read())
    jenv = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template.parent)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # JSON's escapes (\" \\ \n \uXXXX) are valid C escapes for the names boards use
    jenv.filters["c_string"] = lambda text: json.dumps(str(text))
    jenv.filters["pin_number"] = pin_number
    text = jenv.get_template(template.name).render(**context)
    write_if_changed(Path(target[0].abspath), text.encode("utf-8"))


def _board_template(env: Any, target: str, template: str, context: dict[str, Any]) -> Any:
    """Render `template` with `context`; the context is a Value, so a change re-renders."""
    value = env.Value(json.dumps(context, sort_keys=True))
    return env.RenderTemplate(target, [template, value])


def generate(env: Any) -> None:
    from SCons.Script import Action, Builder

    env["BUILDERS"]["RenderTemplate"] = Builder(action=Action(_render, "GEN $TARGET"))
    env.AddMethod(_board_template, "BoardTemplate")


def exists(env: Any) -> bool:
    return True
