"""Scopes and identifiers: which names are locals, cells, frees or globals.

Identifier kinds follow MicroPython's compiler, and so does the numbering of locals
(parameters first, then locals in order of first appearance, then cells; free
variables are shifted in front), because local numbers are baked into the bytecode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from ..mpy.format import SCOPE_FLAG_VARARGS
from ..mpy.mpyfile import RawCode
from .parsetree import ParseNode

GLOBAL_IMPLICIT: Final = "global_implicit"
GLOBAL_IMPLICIT_ASSIGNED: Final = "global_implicit_assigned"
GLOBAL_EXPLICIT: Final = "global_explicit"
LOCAL: Final = "local"
CELL: Final = "cell"
FREE: Final = "free"
UNDECIDED: Final = "undecided"

# Scope kinds, in MicroPython's order: everything from LAMBDA on is function-like.
MODULE: Final = "module"
CLASS: Final = "class"
LAMBDA: Final = "lambda"
LIST_COMP: Final = "listcomp"
DICT_COMP: Final = "dictcomp"
SET_COMP: Final = "setcomp"
GEN_EXPR: Final = "genexpr"
FUNCTION: Final = "function"

COMP_LIKE: Final = (LIST_COMP, DICT_COMP, SET_COMP, GEN_EXPR)
SIMPLE_NAMES: Final = {
    MODULE: "<module>", LAMBDA: "<lambda>", LIST_COMP: "<listcomp>", DICT_COMP: "<dictcomp>",
    SET_COMP: "<setcomp>", GEN_EXPR: "<genexpr>",
}  # fmt: skip


@dataclass(slots=True)
class Ident:
    name: str
    kind: str
    is_param: bool = False
    is_star_param: bool = False
    is_dbl_star_param: bool = False
    local_num: int = 0


@dataclass
class Scope:
    kind: str
    node: ParseNode  # the parse node the scope compiles
    parent: Scope | None
    simple_name: str
    raw_code: RawCode = field(default_factory=lambda: RawCode(kind=2, fun_data=b""))
    id_info: list[Ident] = field(default_factory=list)  # in order of first appearance
    by_name: dict[str, Ident] = field(default_factory=dict)  # the same identifiers
    scope_flags: int = 0
    num_pos_args: int = 0
    num_kwonly_args: int = 0
    num_def_pos_args: int = 0
    num_locals: int = 0
    stack_size: int = 0
    exc_stack_size: int = 0

    @property
    def is_func_like(self) -> bool:
        return self.kind not in (MODULE, CLASS)

    @property
    def is_comp_like(self) -> bool:
        return self.kind in COMP_LIKE

    def find(self, name: str) -> Ident | None:
        return self.by_name.get(name)

    def find_or_add(self, name: str, kind: str) -> Ident:
        ident = self.by_name.get(name)
        if ident is None:
            ident = self.by_name[name] = Ident(name, kind)
            self.id_info.append(ident)
        return ident

    def find_global(self, name: str) -> Ident | None:
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope.find(name)

    def add_id_for_modification(self, name: str) -> None:
        ident = self.find_or_add(name, GLOBAL_IMPLICIT)
        if ident.kind == GLOBAL_IMPLICIT:
            # an assignment in a function makes a local; in a module it only marks the
            # name as assigned there, so inner scopes never close over it
            ident.kind = LOCAL if self.is_func_like else GLOBAL_IMPLICIT_ASSIGNED

    def check_to_close_over(self, ident: Ident) -> None:
        """A name read here but bound in an enclosing function becomes a free variable."""
        if self.parent is None:
            return
        scope = self.parent
        while scope.parent is not None:
            outer = scope.find(ident.name)
            if outer is not None:
                if outer.kind in (LOCAL, CELL, FREE):
                    ident.kind = FREE
                    self._close_over_in_parents(ident.name)
                return
            scope = scope.parent

    def _move_star_param_last(self) -> None:
        """MicroPython puts *args after the other parameters (but before **kwargs)."""
        last_plain = None
        for i in range(len(self.id_info) - 1, -1, -1):
            ident = self.id_info[i]
            if ident.is_star_param:
                if last_plain is not None:
                    self.id_info[i], self.id_info[last_plain] = (
                        self.id_info[last_plain],
                        self.id_info[i],
                    )
                return
            if last_plain is None and ident.is_param and not ident.is_dbl_star_param:
                last_plain = i

    def _close_over_in_parents(self, name: str) -> None:
        scope = self.parent
        while scope is not None:
            ident = scope.find_or_add(name, UNDECIDED)
            if ident.kind == UNDECIDED:
                ident.kind = FREE
            else:
                if ident.kind == LOCAL:
                    ident.kind = CELL
                return
            scope = scope.parent

    def compute_locals(self) -> None:
        """Number the locals once every identifier of every scope is known."""
        if self.scope_flags & SCOPE_FLAG_VARARGS:
            self._move_star_param_last()
        self.num_locals = 0
        for ident in self.id_info:
            if self.kind == CLASS and ident.name == "__class__":
                continue  # not a local; it becomes a cell if a method uses it
            if self.is_func_like and ident.kind == GLOBAL_IMPLICIT:
                ident.kind = GLOBAL_EXPLICIT
            # parameters always take a local slot, even when they are cells
            if ident.kind == LOCAL or ident.is_param:
                ident.local_num = self.num_locals
                self.num_locals += 1
        for ident in self.id_info:
            if ident.kind == CELL and not ident.is_param:
                ident.local_num = self.num_locals
                self.num_locals += 1
        if self.parent is None:
            return
        # free variables come first, in the order of the parent's cells and frees
        num_free = 0
        for outer in self.parent.id_info:
            if outer.kind in (CELL, FREE):
                for ident in self.id_info:
                    if ident.kind == FREE and ident.name == outer.name:
                        ident.local_num = num_free
                        num_free += 1
        if num_free:
            for ident in self.id_info:
                if ident.kind != FREE or ident.is_param:
                    ident.local_num += num_free
            self.num_pos_args += num_free
            self.num_locals += num_free
