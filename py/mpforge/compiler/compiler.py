"""The compiler: parse tree -> bytecode, one `compile_<rule>` per grammar rule.

Mirrors the structure that makes mpy-cross's output what it is: scopes are
compiled in the order they are discovered, every scope runs the SCOPE pass before
any scope runs the later passes, and qstrs and constants are numbered in the order
the passes first use them.
"""

from __future__ import annotations

from typing import Final

from ..mpy import format as fmt
from ..mpy.mpyfile import CompiledModule
from . import scope as sc
from .emitter import (
    BREAK_FROM_FOR,
    PASS_SCOPE,
    PASS_STACK_SIZE,
    Emitter,
    ModuleTables,
)
from .errors import CompileError
from .parsetree import (
    Id,
    Node,
    ParseNode,
    SmallInt,
    Str,
    Tok,
    is_const_false,
    is_const_true,
)

_COMPARE_OPS: Final = {
    "<": "LESS", ">": "MORE", "==": "EQUAL", "<=": "LESS_EQUAL", ">=": "MORE_EQUAL",
    "!=": "NOT_EQUAL", "in": "IN", "not in": "NOT_IN", "is": "IS", "is not": "IS_NOT",
}  # fmt: skip
_BINARY_OPS: Final = {
    "|": "OR", "^": "XOR", "&": "AND", "<<": "LSHIFT", ">>": "RSHIFT", "+": "ADD",
    "-": "SUBTRACT", "*": "MULTIPLY", "@": "MAT_MULTIPLY", "/": "TRUE_DIVIDE",
    "//": "FLOOR_DIVIDE", "%": "MODULO", "**": "POWER",
}  # fmt: skip
_UNARY_OPS: Final = {"+": "POSITIVE", "-": "NEGATIVE", "~": "INVERT"}
_SAME_OP_RULES: Final = {"expr": "OR", "xor_expr": "XOR", "and_expr": "AND"}
_COMP_SCOPES: Final = {"atom_bracket": sc.LIST_COMP, "dict": sc.DICT_COMP, "set": sc.SET_COMP}

_NO_LABEL: Final = -1
_SMALL_INT_BITS_DEFAULT: Final = 31


def _as_list(pn: ParseNode, list_kind: str) -> list:
    """A node that may be a single item or a list rule of items, as a list."""
    if pn is None:
        return []
    if isinstance(pn, Node) and pn.kind == list_kind:
        return pn.args
    return [pn]


def _is_kind(pn: ParseNode, kind: str) -> bool:
    return isinstance(pn, Node) and pn.kind == kind


def _has_comp_for(pn: Node) -> bool:
    return len(pn.args) == 2 and _is_kind(pn.args[1], "comp_for")


class Compiler:
    def __init__(self, source_name: str, optimize: int = 0, small_int_bits: int = 31) -> None:
        self.source_name = source_name
        self.optimize = optimize
        self.small_int_bits = small_int_bits
        self.tables = ModuleTables()
        self.tables.use_qstr(source_name)
        self.emit = Emitter(self.tables, strip_line_numbers=optimize >= 3)
        self.scopes: list[sc.Scope] = []
        self.scope: sc.Scope  # the scope being compiled, set by compile_scope
        self.break_label = _NO_LABEL
        self.continue_label = _NO_LABEL
        self.break_continue_except_level = 0
        self.cur_except_level = 0
        # where an error at a leaf node is reported: the statement being compiled by the
        # nearest enclosing list of statements, else the scope's own line (as MicroPython)
        self.stmt_line = 1

    # -- driver ------------------------------------------------------------------------

    def compile(self, root: ParseNode) -> CompiledModule:
        try:
            return self.compile_scopes(root)
        finally:
            # the tree holds its scopes (as MicroPython's parse nodes do) and each scope
            # its node: break those cycles so that reference counting frees the tree
            for scope in self.scopes:
                scope.node = None

    def compile_scopes(self, root: ParseNode) -> CompiledModule:
        module = self.new_scope(sc.MODULE, root, "<module>")
        i = 0
        while i < len(self.scopes):  # the SCOPE pass discovers more scopes as it goes
            scope = self.scopes[i]
            self.compile_scope(scope, PASS_SCOPE)
            for ident in scope.id_info:
                if ident.kind == sc.GLOBAL_IMPLICIT:
                    scope.check_to_close_over(ident)
            i += 1
        for scope in self.scopes:
            scope.compute_locals()
        for scope in self.scopes:
            self.compile_scope(scope, PASS_STACK_SIZE)
            scope.raw_code.fun_data = self.emit.assemble()  # CODE_SIZE and EMIT
            scope.raw_code.children = self.emit.children
        return CompiledModule(
            qstrs=list(self.tables.qstrs), objs=self.tables.objs, root=module.raw_code
        )

    def new_scope(self, kind: str, node: ParseNode, name: str | None = None) -> sc.Scope:
        scope = sc.Scope(
            kind=kind,
            node=node,
            parent=self.scope if self.scopes else None,
            simple_name=name or sc.SIMPLE_NAMES[kind],
        )
        self.scopes.append(scope)
        return scope

    def compile_scope(self, scope: sc.Scope, pass_: int) -> None:
        """Run the SCOPE or STACK_SIZE pass over a scope."""
        self.pass_ = pass_
        self.scope = scope
        self.next_label = 0
        self.emit.start_pass(pass_, scope)
        if pass_ == PASS_SCOPE:
            scope.stack_size = 0
            scope.exc_stack_size = 0
        self.stmt_line = scope.node.line if isinstance(scope.node, Node) and scope.node.line else 1
        try:
            getattr(self, "scope_comprehension" if scope.is_comp_like else f"scope_{scope.kind}")(
                scope
            )
        except CompileError as err:
            if err.block is None and err.exc_type != "NotImplementedError":
                err.block = scope.simple_name
            raise
        self.emit.end_pass()

    def scope_module(self, scope: sc.Scope) -> None:
        self.compile_node(scope.node)
        self.emit.load_const_tok("None")
        self.emit.return_value()

    def scope_function(self, scope: sc.Scope) -> None:
        funcdef = scope.node
        assert isinstance(funcdef, Node)
        if self.pass_ == PASS_SCOPE:
            self.have_star = False
            for param in _as_list(funcdef.args[1], "typedargslist"):
                self.scope_param(param, "typedargslist")
        self.compile_node(funcdef.args[3])
        if not self.emit.last_emit_was_return_value:
            self.emit.load_const_tok("None")
            self.emit.return_value()

    def scope_lambda(self, scope: sc.Scope) -> None:
        lambdef = scope.node
        assert isinstance(lambdef, Node)
        self.emit.set_source_line(lambdef.line)
        if self.pass_ == PASS_SCOPE:
            self.have_star = False
            for param in _as_list(lambdef.args[0], "varargslist"):
                self.scope_param(param, "varargslist")
        self.compile_node(lambdef.args[1])
        if scope.scope_flags & fmt.SCOPE_FLAG_GENERATOR:
            # a generator lambda returns None, not the value of its expression
            self.emit.pop_top()
            self.emit.load_const_tok("None")
        self.emit.return_value()

    def scope_comprehension(self, scope: sc.Scope) -> None:
        node = scope.node
        assert isinstance(node, Node)
        comp_for = node.args[1]
        # the iterator argument has a name no program can use: the empty qstr
        if self.pass_ == PASS_SCOPE:
            scope.find_or_add("", sc.LOCAL)
            scope.num_pos_args = 1
        self.emit.set_source_line(node.line)
        if scope.kind == sc.LIST_COMP:
            self.emit.build(0, "LIST")
        elif scope.kind == sc.DICT_COMP:
            self.emit.build(0, "MAP")
        elif scope.kind == sc.SET_COMP:
            self.emit.build(0, "SET")
        if scope.kind == sc.GEN_EXPR:
            # four iterator slots; the NULL first one says the second holds the iterator
            self.emit.load_null()
            self.load_id("")
            self.emit.load_null()
            self.emit.load_null()
        else:
            self.load_id("")
            self.emit.get_iter(True)
        self.comp_iter(comp_for, node.args[0], 0)
        if scope.kind == sc.GEN_EXPR:
            self.emit.load_const_tok("None")
        self.emit.return_value()

    def scope_class(self, scope: sc.Scope) -> None:
        classdef = scope.node
        assert isinstance(classdef, Node)
        if self.pass_ == PASS_SCOPE:
            scope.find_or_add("__class__", sc.LOCAL)
        self.load_id("__name__")
        self.store_id("__module__")
        self.emit.load_const_str(classdef.args[0].name)
        self.store_id("__qualname__")
        self.compile_node(classdef.args[2])
        ident = scope.find("__class__")
        assert ident is not None
        if ident.kind == sc.LOCAL:
            self.emit.load_const_tok("None")
        else:
            self.emit.load_fast(ident.local_num)
        self.emit.return_value()

    def comp_iter(self, comp_for: Node, inner: ParseNode, for_depth: int) -> None:
        l_top = self.new_label()
        l_end = self.new_label()
        self.emit.label_assign(l_top)
        self.emit.for_iter(l_end)
        self.assign(comp_for.args[0], "store")
        pn_iter = comp_for.args[2]
        while True:
            if pn_iter is None:
                self.compile_node(inner)
                if self.scope.kind == sc.GEN_EXPR:
                    self.emit.yield_value()
                    self.emit.pop_top()
                else:
                    kind = {sc.LIST_COMP: "list", sc.DICT_COMP: "dict", sc.SET_COMP: "set"}
                    self.emit.store_comp(kind[self.scope.kind], 4 * for_depth + 5)
                break
            if pn_iter.kind == "comp_if":
                self.if_cond(pn_iter.args[0], False, l_top)
                pn_iter = pn_iter.args[1]
                continue
            self.compile_node(pn_iter.args[1])
            self.emit.get_iter(True)
            self.comp_iter(pn_iter, inner, for_depth + 1)
            break
        self.emit.jump(l_top)
        self.emit.label_assign(l_end)
        self.emit.for_iter_end()

    def new_label(self) -> int:
        self.next_label += 1
        return self.next_label - 1

    def error(self, node: ParseNode, message: str, exc_type: str = "SyntaxError") -> CompileError:
        line = node.line if isinstance(node, Node) and node.line else self.stmt_line
        return CompileError(exc_type, message, self.source_name, line)

    # -- identifiers ------------------------------------------------------------------

    def id_op(self, name: str, action: str) -> None:
        if self.pass_ == PASS_SCOPE:
            if action == "load":
                self.scope.find_or_add(name, sc.GLOBAL_IMPLICIT)
            else:
                self.scope.add_id_for_modification(name)
            return
        ident = self.scope.by_name[name]
        method, by_number = _ID_EMITTERS[action, ident.kind]
        method(self.emit, ident.local_num if by_number else name)

    def load_id(self, name: str) -> None:
        self.id_op(name, "load")

    def store_id(self, name: str) -> None:
        self.id_op(name, "store")

    def delete_id(self, name: str) -> None:
        self.id_op(name, "delete")

    def scope_param(self, param: ParseNode, prefix: str) -> None:
        scope = self.scope
        if scope.scope_flags & fmt.SCOPE_FLAG_VARKEYWORDS:
            raise self.error(param, "invalid syntax")  # nothing may follow **kwargs
        name: str | None = None
        is_star = is_dbl_star = False
        if isinstance(param, Id) or param.kind == f"{prefix}_name":
            name = param.name if isinstance(param, Id) else param.args[0].name
            if self.have_star:
                scope.num_kwonly_args += 1
            else:
                scope.num_pos_args += 1
        elif param.kind == f"{prefix}_star":
            if self.have_star:
                raise self.error(param, "invalid syntax")
            self.have_star = True
            is_star = True
            target = param.args[0]
            if target is not None:
                scope.scope_flags |= fmt.SCOPE_FLAG_VARARGS
                name = target.name if isinstance(target, Id) else target.args[0].name
        else:
            name = param.args[0].name
            is_dbl_star = True
            scope.scope_flags |= fmt.SCOPE_FLAG_VARKEYWORDS
        if name is None:
            return
        ident = scope.find_or_add(name, sc.UNDECIDED)
        if ident.kind != sc.UNDECIDED:
            raise self.error(param, "argument name reused")
        ident.kind = sc.LOCAL
        ident.is_param = True
        ident.is_star_param = is_star
        ident.is_dbl_star_param = is_dbl_star

    # -- dispatch ---------------------------------------------------------------------

    def compile_node(self, pn: ParseNode) -> None:
        kind = type(pn)
        if kind is Node:
            if pn.line > self.emit.last_source_line:  # set_source_line's own test, first
                self.emit.set_source_line(pn.line)
            handler = _HANDLERS.get(pn.kind)
            if handler is None:
                raise CompileError.not_supported(
                    pn.kind.replace("_", " "), self.source_name, pn.line
                )
            handler(self, pn)
        elif kind is Id:
            self.load_id(pn.name)
        elif kind is SmallInt:
            self.emit.load_const_small_int(pn.value)
        elif kind is Str:
            self.emit.load_const_str(pn.value)
        elif kind is Tok:
            self.emit.load_const_tok(pn.value)

    def compile_all_nodes(self, pn: Node) -> None:
        outer_line = self.stmt_line
        for child in pn.args:
            if isinstance(child, Node) and child.line:
                self.stmt_line = child.line
            self.compile_node(child)
        self.stmt_line = outer_line

    def compile_const_object(self, pn: Node) -> None:
        self.emit.load_const_obj(pn.args[0])

    # -- assignment -------------------------------------------------------------------

    def compile_expr_stmt(self, pn: Node) -> None:
        lhs, rhs = pn.args
        if rhs is None:
            self.compile_node(lhs)
            self.emit.pop_top()
        elif _is_kind(rhs, "annassign"):
            annotation, value = rhs.args
            if value is not None:
                self.compile_node(value)
                self.assign(lhs, "store")
            elif self.scope.kind == sc.FUNCTION and isinstance(lhs, Id):
                # `x: int` alone declares a local of a function
                self.scope.find_or_add(lhs.name, sc.LOCAL)
        elif _is_kind(rhs, "expr_stmt_augassign"):
            op, value = rhs.args
            self.assign(lhs, "aug_load")
            self.compile_node(value)
            self.emit.binary_op("INPLACE_" + _BINARY_OPS[op.value[:-1]])
            self.assign(lhs, "aug_store")
        elif _is_kind(rhs, "expr_stmt_assign_list"):
            *targets, value = rhs.args
            self.compile_node(value)
            if targets:
                self.emit.dup_top()
            self.assign(lhs, "store")
            for i, target in enumerate(targets):
                if i + 1 < len(targets):
                    self.emit.dup_top()
                self.assign(target, "store")
        elif self.double_tuple_assign(lhs, rhs):
            return
        else:
            self.compile_node(rhs)
            self.assign(lhs, "store")

    def double_tuple_assign(self, lhs: ParseNode, rhs: ParseNode) -> bool:
        """a, b = c, d (and three items) swap on the stack instead of via a tuple."""
        if not (_is_kind(lhs, "testlist_star_expr") and _is_kind(rhs, "testlist_star_expr")):
            return False
        n = len(lhs.args)
        if n != len(rhs.args) or n not in (2, 3) or any(_is_kind(t, "star_expr") for t in lhs.args):
            return False
        self.compile_node(rhs.args[0])
        self.compile_node(rhs.args[1])
        if n == 3:
            self.compile_node(rhs.args[2])
            self.emit.rot_three()
        self.emit.rot_two()
        for target in lhs.args:
            self.assign(target, "store")
        return True

    def assign(self, target: ParseNode, kind: str) -> None:
        """Assign the top of the stack to `target` (kind: store, aug_load, aug_store)."""
        if isinstance(target, Id):
            if kind == "aug_load":
                self.load_id(target.name)
            else:
                self.store_id(target.name)
            return
        if isinstance(target, Node):
            if target.kind == "atom_expr_normal":
                self.assign_atom_expr(target, kind)
                return
            if target.kind in ("testlist_star_expr", "exprlist") and kind == "store":
                self.assign_tuple(target.args)
                return
            if target.kind == "atom_paren" and target.args[0] is not None and kind == "store":
                if not _has_comp_for(target.args[0]):
                    self.assign_tuple(target.args[0].args)
                    return
            if target.kind == "atom_bracket" and kind == "store":
                inner = target.args[0]
                if inner is None:
                    self.assign_tuple([])
                    return
                if _is_kind(inner, "testlist_comp"):
                    if not _has_comp_for(inner):
                        self.assign_tuple(inner.args)
                        return
                else:
                    self.assign_tuple([inner])
                    return
        raise self.error(target, "can't assign to expression")

    def assign_atom_expr(self, target: Node, kind: str) -> None:
        if kind != "aug_store":
            self.compile_node(target.args[0])
        trailers = _as_list(target.args[1], "atom_expr_trailers")
        if kind != "aug_store":
            for trailer in trailers[:-1]:
                self.compile_node(trailer)
        last = trailers[-1]
        if last.kind == "trailer_bracket":
            if kind == "aug_store":
                self.emit.rot_three()
                self.emit.store_subscr()
            else:
                self.compile_node(last.args[0])
                if kind == "aug_load":
                    self.emit.dup_top_two()
                    self.emit.load_subscr()
                else:
                    self.emit.store_subscr()
            return
        if last.kind == "trailer_period":
            name = last.args[0].name
            if kind == "aug_load":
                self.emit.dup_top()
                self.emit.load_attr(name)
            else:
                if kind == "aug_store":
                    self.emit.rot_two()
                self.emit.store_attr(name)
            return
        raise self.error(target, "can't assign to expression")

    def assign_tuple(self, targets: list) -> None:
        star_index = None
        for i, target in enumerate(targets):
            if _is_kind(target, "star_expr"):
                if star_index is not None:
                    raise self.error(target, "multiple *x in assignment")
                self.emit.unpack_ex(i, len(targets) - i - 1)
                star_index = i
        if star_index is None:
            self.emit.unpack_sequence(len(targets))
        for i, target in enumerate(targets):
            self.assign(target.args[0] if i == star_index else target, "store")

    def compile_del_stmt(self, pn: Node) -> None:
        for target in _as_list(pn.args[0], "exprlist"):
            self.delete(target)

    def delete(self, target: ParseNode) -> None:
        if isinstance(target, Id):
            self.delete_id(target.name)
            return
        if _is_kind(target, "atom_expr_normal"):
            self.compile_node(target.args[0])
            trailers = _as_list(target.args[1], "atom_expr_trailers")
            for trailer in trailers[:-1]:
                self.compile_node(trailer)
            last = trailers[-1]
            if last.kind == "trailer_bracket":
                self.compile_node(last.args[0])
                self.emit.delete_subscr()
                return
            if last.kind == "trailer_period":
                self.emit.delete_attr(last.args[0].name)
                return
        elif _is_kind(target, "atom_paren") and target.args[0] is not None:
            if not _has_comp_for(target.args[0]):
                for item in target.args[0].args:
                    self.delete(item)
                return
        raise self.error(target, "can't delete expression")

    # -- simple statements ------------------------------------------------------------

    def compile_break_stmt(self, pn: Node) -> None:
        self.break_continue(pn, self.break_label)

    def compile_continue_stmt(self, pn: Node) -> None:
        self.break_continue(pn, self.continue_label)

    def break_continue(self, pn: Node, label: int) -> None:
        if label == _NO_LABEL:
            raise self.error(pn, "'break'/'continue' outside loop")
        self.emit.unwind_jump(label, self.cur_except_level - self.break_continue_except_level)

    def compile_return_stmt(self, pn: Node) -> None:
        if self.scope.kind != sc.FUNCTION:
            raise self.error(pn, "'return' outside function")
        value = pn.args[0]
        if value is None:
            self.emit.load_const_tok("None")
        elif _is_kind(value, "test_if_expr"):
            # return a if c else b: two returns, as CPython does it
            body, test_if_else = value.args
            l_fail = self.new_label()
            self.if_cond(test_if_else.args[0], False, l_fail)
            self.compile_node(body)
            self.emit.return_value()
            self.emit.label_assign(l_fail)
            self.compile_node(test_if_else.args[1])
        else:
            self.compile_node(value)
        self.emit.return_value()

    def compile_yield_stmt(self, pn: Node) -> None:
        self.compile_node(pn.args[0])
        self.emit.pop_top()

    def compile_raise_stmt(self, pn: Node) -> None:
        arg = pn.args[0]
        if arg is None:
            self.emit.raise_varargs(0)
        elif _is_kind(arg, "raise_stmt_arg"):
            self.compile_node(arg.args[0])
            self.compile_node(arg.args[1])
            self.emit.raise_varargs(2)
        else:
            self.compile_node(arg)
            self.emit.raise_varargs(1)

    def compile_assert_stmt(self, pn: Node) -> None:
        if self.optimize:
            return
        l_end = self.new_label()
        self.if_cond(pn.args[0], True, l_end)
        self.emit.load_global("AssertionError")
        if pn.args[1] is not None:
            self.compile_node(pn.args[1])
            self.emit.call_function(1, 0)
        self.emit.raise_varargs(1)
        self.emit.label_assign(l_end)

    def compile_global_stmt(self, pn: Node) -> None:
        if self.pass_ != PASS_SCOPE:
            return
        for name in _as_list(pn.args[0], "name_list"):
            ident = self.scope.find_or_add(name.name, sc.UNDECIDED)
            if ident.kind not in (sc.UNDECIDED, sc.GLOBAL_EXPLICIT):
                raise self.error(pn, "identifier redefined as global")
            ident.kind = sc.GLOBAL_EXPLICIT
            outer = self.scope.find_global(name.name)
            if outer is not None:
                outer.kind = sc.GLOBAL_EXPLICIT

    def compile_nonlocal_stmt(self, pn: Node) -> None:
        if self.pass_ != PASS_SCOPE:
            return
        if self.scope.kind == sc.MODULE:
            raise self.error(pn, "can't declare nonlocal in outer code")
        for name in _as_list(pn.args[0], "name_list"):
            ident = self.scope.find_or_add(name.name, sc.UNDECIDED)
            if ident.kind == sc.UNDECIDED:
                ident.kind = sc.GLOBAL_IMPLICIT
                self.scope.check_to_close_over(ident)
                if ident.kind == sc.GLOBAL_IMPLICIT:
                    raise self.error(pn, "no binding for nonlocal found")
            elif ident.kind != sc.FREE:
                raise self.error(pn, "identifier redefined as nonlocal")

    # -- imports ------------------------------------------------------------------------

    def import_name(self, pn: ParseNode) -> str:
        """Emit IMPORT_NAME for a (dotted, maybe aliased) name; returns the name to bind."""
        alias = None
        if _is_kind(pn, "dotted_as_name"):
            pn, alias = pn.args[0], pn.args[1].name
        if pn is None:
            self.emit.import_name("")
            return alias or ""
        if isinstance(pn, Id):
            self.emit.import_name(pn.name)
            return alias or pn.name
        parts = [p.name for p in pn.args]
        self.emit.import_name(".".join(parts))
        if alias is None:
            return parts[0]
        for part in parts[1:]:
            self.emit.load_attr(part)
        return alias

    def compile_import_name(self, pn: Node) -> None:
        for name in _as_list(pn.args[0], "dotted_as_names"):
            self.emit.load_const_small_int(0)
            self.emit.load_const_tok("None")
            self.store_id(self.import_name(name))

    def compile_import_from(self, pn: Node) -> None:
        source, names = pn.args
        level = 0
        if isinstance(source, Tok) or _is_kind(source, "one_or_more_period_or_ellipsis"):
            periods, source = source, None
        elif _is_kind(source, "import_from_2b"):
            periods, source = source.args
        else:
            periods = None
        for dot in _as_list(periods, "one_or_more_period_or_ellipsis"):
            level += 1 if dot.value == "." else 3
        if names == Tok("*"):
            if self.scope.kind != sc.MODULE:
                raise self.error(pn, "import * not at module level")
            self.emit.load_const_small_int(level)
            self.emit.load_const_str("*")
            self.emit.build(1, "TUPLE")
            self.import_name(source)
            self.emit.import_star()
            return
        self.emit.load_const_small_int(level)
        items = _as_list(names, "import_as_names")
        for item in items:
            self.emit.load_const_str(item.args[0].name)
        self.emit.build(len(items), "TUPLE")
        self.import_name(source)
        for item in items:
            name, alias = item.args
            self.emit.import_from(name.name)
            self.store_id((alias or name).name)
        self.emit.pop_top()

    # -- compound statements ------------------------------------------------------------

    def compile_if_stmt(self, pn: Node) -> None:
        cond, body, elifs, orelse = pn.args
        l_end = self.new_label()
        if not is_const_false(cond):
            l_fail = self.new_label()
            self.if_cond(cond, False, l_fail)
            self.compile_node(body)
            if is_const_true(cond):
                self.emit.label_assign(l_end)
                return
            if (
                elifs is not None or orelse is not None
            ) and not self.emit.last_emit_was_return_value:
                self.emit.jump(l_end)
            self.emit.label_assign(l_fail)
        for elif_node in _as_list(elifs, "if_stmt_elif_list"):
            elif_cond, elif_body = elif_node.args
            if is_const_false(elif_cond):
                continue
            l_fail = self.new_label()
            self.if_cond(elif_cond, False, l_fail)
            self.compile_node(elif_body)
            if is_const_true(elif_cond):
                self.emit.label_assign(l_end)
                return
            if not self.emit.last_emit_was_return_value:
                self.emit.jump(l_end)
            self.emit.label_assign(l_fail)
        self.compile_node(orelse)
        self.emit.label_assign(l_end)

    def start_loop(self) -> tuple[tuple[int, int, int], int, int]:
        """Allocate break/continue labels; returns the outer state to restore."""
        saved = (self.break_label, self.continue_label, self.break_continue_except_level)
        self.break_label = self.new_label()
        self.continue_label = self.new_label()
        self.break_continue_except_level = self.cur_except_level
        return saved, self.break_label, self.continue_label

    def end_loop(self, saved: tuple[int, int, int]) -> None:
        self.break_label, self.continue_label, self.break_continue_except_level = saved

    def compile_while_stmt(self, pn: Node) -> None:
        cond, body, orelse = pn.args
        saved, break_label, continue_label = self.start_loop()
        if not is_const_false(cond):
            top_label = self.new_label()
            if not is_const_true(cond):
                self.emit.jump(continue_label)
            self.emit.label_assign(top_label)
            self.compile_node(body)
            self.emit.label_assign(continue_label)
            self.if_cond(cond, True, top_label)
        self.end_loop(saved)
        self.compile_node(orelse)
        self.emit.label_assign(break_label)

    def compile_for_stmt(self, pn: Node) -> None:
        target, iterable, body, orelse = pn.args
        range_args = self.optimisable_range(target, iterable)
        if range_args is not None:
            start, end, step = range_args
            self.for_range(target, start, end, step, body, orelse)
            return
        saved, break_label, continue_label = self.start_loop()
        self.break_label |= BREAK_FROM_FOR
        pop_label = self.new_label()
        self.compile_node(iterable)
        self.emit.get_iter(True)
        self.emit.label_assign(continue_label)
        self.emit.for_iter(pop_label)
        self.assign(target, "store")
        self.compile_node(body)
        if not self.emit.last_emit_was_return_value:
            self.emit.jump(continue_label)
        self.emit.label_assign(pop_label)
        self.emit.for_iter_end()
        self.end_loop(saved)
        self.compile_node(orelse)
        self.emit.label_assign(break_label)

    @staticmethod
    def optimisable_range(
        target: ParseNode, iterable: ParseNode
    ) -> tuple[ParseNode, ParseNode, SmallInt] | None:
        """(start, end, step) when `for x in range(...)` can be a counting loop."""
        if not (
            isinstance(target, Id)
            and _is_kind(iterable, "atom_expr_normal")
            and iterable.args[0] == Id("range")
            and _is_kind(iterable.args[1], "trailer_paren")
        ):
            return None
        args = _as_list(iterable.args[1].args[0], "arglist")
        start: ParseNode
        end: ParseNode
        step: ParseNode
        if len(args) == 1:
            start, end, step = SmallInt(0), args[0], SmallInt(1)
        elif len(args) == 2:
            start, end, step = args[0], args[1], SmallInt(1)
        elif len(args) == 3:
            start, end, step = args
            if not isinstance(step, SmallInt) or step.value == 0:
                return None
        else:
            return None
        for arg in (start, end):
            if isinstance(arg, Node) and arg.kind in (
                "arglist_star",
                "arglist_dbl_star",
                "argument",
            ):
                return None
        return start, end, step

    def for_range(
        self,
        var: ParseNode,
        start: ParseNode,
        end: ParseNode,
        step: SmallInt,
        body: ParseNode,
        orelse: ParseNode,
    ) -> None:
        saved, break_label, continue_label = self.start_loop()
        top_label = self.new_label()
        entry_label = self.new_label()
        end_on_stack = not isinstance(end, SmallInt)
        if end_on_stack:
            self.compile_node(end)
        self.compile_node(start)
        self.emit.jump(entry_label)
        self.emit.label_assign(top_label)
        self.emit.dup_top()
        self.assign(var, "store")
        self.compile_node(body)
        self.emit.label_assign(continue_label)
        self.compile_node(step)
        self.emit.binary_op("INPLACE_ADD")
        self.emit.label_assign(entry_label)
        if end_on_stack:
            self.emit.dup_top_two()
            self.emit.rot_two()
        else:
            self.emit.dup_top()
            self.compile_node(end)
        self.emit.binary_op("LESS" if step.value >= 0 else "MORE")
        self.emit.pop_jump_if(True, top_label)
        self.end_loop(saved)
        end_label = 0
        if orelse is not None:
            self.emit.pop_top()
            if end_on_stack:
                self.emit.pop_top()
            self.compile_node(orelse)
            end_label = self.new_label()
            self.emit.jump(end_label)
            self.emit.adjust_stack_size(1 + end_on_stack)
        self.emit.label_assign(break_label)
        self.emit.pop_top()
        if end_on_stack:
            self.emit.pop_top()
        if orelse is not None:
            self.emit.label_assign(end_label)

    def increase_except_level(self, label: int, kind: str) -> None:
        self.emit.setup_block(label, kind)
        self.cur_except_level += 1
        self.scope.exc_stack_size = max(self.scope.exc_stack_size, self.cur_except_level)

    def decrease_except_level(self) -> None:
        self.cur_except_level -= 1
        self.emit.end_finally()

    def compile_try_stmt(self, pn: Node) -> None:
        body, rest = pn.args
        if rest.kind == "try_stmt_finally":
            self.try_finally(body, [], None, rest.args[0])
        elif rest.kind == "try_stmt_except_and_more":
            handlers = _as_list(rest.args[0], "try_stmt_except_list")
            orelse, final = rest.args[1], rest.args[2]
            if final is None:
                self.try_except(body, handlers, orelse)
            else:
                self.try_finally(body, handlers, orelse, final.args[0])
        else:
            self.try_except(body, _as_list(rest, "try_stmt_except_list"), None)

    def try_except(self, body: ParseNode, handlers: list, orelse: ParseNode) -> None:
        l1 = self.new_label()
        success_label = self.new_label()
        self.increase_except_level(l1, "EXCEPT")
        self.compile_node(body)
        self.emit.pop_except_jump(success_label)
        self.emit.label_assign(l1)
        self.emit.start_except_handler()
        l2 = self.new_label()
        for i, handler in enumerate(handlers):
            exc, handler_body = handler.args
            bound_name = None
            end_finally_label = self.new_label()
            if exc is None:
                if i + 1 != len(handlers):
                    raise self.error(handler, "default 'except' must be last")
            else:
                if _is_kind(exc, "try_stmt_as_name"):
                    exc, bound_name = exc.args[0], exc.args[1].name
                self.emit.dup_top()
                self.compile_node(exc)
                self.emit.binary_op("EXCEPTION_MATCH")
                self.emit.pop_jump_if(False, end_finally_label)
            if bound_name is None:
                self.emit.pop_top()
            else:
                self.store_id(bound_name)
            # a bound name is deleted after the handler, even if the handler raises
            l3 = 0
            if bound_name is not None:
                l3 = self.new_label()
                self.increase_except_level(l3, "FINALLY")
            self.compile_node(handler_body)
            if bound_name is not None:
                self.emit.load_const_tok("None")
                self.emit.label_assign(l3)
                self.emit.load_const_tok("None")
                self.store_id(bound_name)
                self.delete_id(bound_name)
                self.decrease_except_level()
            self.emit.pop_except_jump(l2)
            self.emit.label_assign(end_finally_label)
            self.emit.adjust_stack_size(1)
        self.decrease_except_level()
        self.emit.end_except_handler()
        self.emit.label_assign(success_label)
        self.compile_node(orelse)
        self.emit.label_assign(l2)

    def try_finally(
        self, body: ParseNode, handlers: list, orelse: ParseNode, final: ParseNode
    ) -> None:
        l_finally = self.new_label()
        self.increase_except_level(l_finally, "FINALLY")
        if not handlers:
            self.emit.adjust_stack_size(3)  # room for a possible UNWIND_JUMP state
            self.compile_node(body)
            self.emit.adjust_stack_size(-3)
        else:
            self.try_except(body, handlers, orelse)
        self.emit.load_const_tok("None")
        self.emit.label_assign(l_finally)
        self.compile_node(final)
        self.decrease_except_level()

    def compile_with_stmt(self, pn: Node) -> None:
        self.with_items(_as_list(pn.args[0], "with_stmt_list"), pn.args[1])

    def with_items(self, items: list, body: ParseNode) -> None:
        if not items:
            self.compile_node(body)
            return
        l_end = self.new_label()
        item = items[0]
        if _is_kind(item, "with_item"):
            self.compile_node(item.args[0])
            self.increase_except_level(l_end, "WITH")
            self.assign(item.args[1], "store")
        else:
            self.compile_node(item)
            self.increase_except_level(l_end, "WITH")
            self.emit.pop_top()
        self.with_items(items[1:], body)
        self.emit.with_cleanup(l_end)
        self.decrease_except_level()

    def yield_from(self) -> None:
        self.emit.get_iter(False)
        self.emit.load_const_tok("None")
        self.emit.yield_from()

    def await_method(self, method: str) -> None:
        self.emit.load_method(method)
        self.emit.call_method(0, 0)
        self.yield_from()

    def compile_async_stmt(self, pn: Node) -> None:
        inner = pn.args[0]
        if inner.kind == "funcdef":
            self.compile_funcdef(inner)
            inner.args[4].scope_flags |= fmt.SCOPE_FLAG_GENERATOR
            return
        if not self.scope.scope_flags & fmt.SCOPE_FLAG_GENERATOR:
            raise self.error(inner, "async for/with outside async function")
        if inner.kind == "for_stmt":
            self.async_for(inner)
        else:
            self.async_with(_as_list(inner.args[0], "with_stmt_list"), inner.args[1])

    def async_for(self, pn: Node) -> None:
        target, iterable, body, orelse = pn.args
        # MicroPython keeps the async iterator in the variable the iterable names; for
        # any other expression in a variable of its own, which no source can name
        context = iterable.name if isinstance(iterable, Id) else f"<aiter@{id(iterable)}>"
        while_else_label = self.new_label()
        try_exception_label = self.new_label()
        try_else_label = self.new_label()
        try_finally_label = self.new_label()
        self.compile_node(iterable)
        self.emit.load_method("__aiter__")
        self.emit.call_method(0, 0)
        self.store_id(context)
        saved, break_label, continue_label = self.start_loop()
        self.emit.label_assign(continue_label)
        self.increase_except_level(try_exception_label, "EXCEPT")
        self.load_id(context)
        self.await_method("__anext__")
        self.assign(target, "store")
        self.emit.pop_except_jump(try_else_label)
        self.emit.label_assign(try_exception_label)
        self.emit.start_except_handler()
        self.emit.dup_top()
        self.emit.load_global("StopAsyncIteration")
        self.emit.binary_op("EXCEPTION_MATCH")
        self.emit.pop_jump_if(False, try_finally_label)
        self.emit.pop_top()
        self.emit.pop_except_jump(while_else_label)
        self.emit.label_assign(try_finally_label)
        self.emit.adjust_stack_size(1)
        self.decrease_except_level()
        self.emit.end_except_handler()
        self.emit.label_assign(try_else_label)
        self.compile_node(body)
        self.emit.jump(continue_label)
        self.end_loop(saved)
        self.emit.label_assign(while_else_label)
        self.compile_node(orelse)
        self.emit.label_assign(break_label)

    def async_with(self, items: list, body: ParseNode) -> None:
        if not items:
            self.compile_node(body)
            return
        emit = self.emit
        l_finally_block = self.new_label()
        l_aexit_no_exc = self.new_label()
        l_ret_unwind_jump = self.new_label()
        l_end = self.new_label()
        item = items[0]
        if _is_kind(item, "with_item"):
            self.compile_node(item.args[0])
            emit.dup_top()
            self.await_method("__aenter__")
            self.assign(item.args[1], "store")
        else:
            self.compile_node(item)
            emit.dup_top()
            self.await_method("__aenter__")
            emit.pop_top()
        self.increase_except_level(l_finally_block, "FINALLY")
        emit.adjust_stack_size(3)
        self.async_with(items[1:], body)
        emit.adjust_stack_size(-3)
        # no exception: call __aexit__(None, None, None)
        emit.load_const_tok("None")
        emit.rot_two()
        emit.jump(l_aexit_no_exc)
        emit.label_assign(l_finally_block)
        emit.dup_top()
        emit.load_global("BaseException")
        emit.binary_op("EXCEPTION_MATCH")
        emit.pop_jump_if(False, l_ret_unwind_jump)
        # an exception: __aexit__(type, exc, None) may swallow it
        emit.dup_top()
        emit.rot_three()
        emit.rot_two()
        emit.load_method("__aexit__")
        emit.rot_three()
        emit.rot_three()
        emit.dup_top()
        emit.load_attr("__class__")
        emit.rot_two()
        emit.load_const_tok("None")
        emit.call_method(3, 0)
        self.yield_from()
        emit.pop_jump_if(False, l_end)
        emit.pop_top()
        emit.load_const_tok("None")
        emit.jump(l_end)
        emit.adjust_stack_size(2)
        # return or unwind jump: call __aexit__ and carry on
        emit.label_assign(l_ret_unwind_jump)
        emit.rot_three()
        emit.rot_three()
        emit.label_assign(l_aexit_no_exc)
        emit.load_method("__aexit__")
        emit.load_const_tok("None")
        emit.dup_top()
        emit.dup_top()
        emit.call_method(3, 0)
        self.yield_from()
        emit.pop_top()
        emit.adjust_stack_size(-1)
        emit.label_assign(l_end)
        self.decrease_except_level()

    # -- definitions ------------------------------------------------------------------

    def compile_funcdef(self, pn: Node) -> None:
        self.store_id(self.funcdef(pn))

    def funcdef(self, pn: Node) -> str:
        """Leave the function object on the stack; returns its name."""
        if self.pass_ == PASS_SCOPE:
            pn.args[4] = self.new_scope(sc.FUNCTION, pn, pn.args[0].name)
        fscope: sc.Scope = pn.args[4]
        self.make_callable(fscope, _as_list(pn.args[1], "typedargslist"), "typedargslist")
        return fscope.simple_name

    def compile_lambdef(self, pn: Node) -> None:
        if self.pass_ == PASS_SCOPE:
            pn.args[2] = self.new_scope(sc.LAMBDA, pn)
        self.make_callable(pn.args[2], _as_list(pn.args[0], "varargslist"), "varargslist")

    def make_callable(self, fscope: sc.Scope, params: list, prefix: str) -> None:
        """Compile default values, then make the function or closure."""
        have_star = False
        n_pos_defaults = 0
        n_kw_defaults = 0
        for param in params:
            if isinstance(param, Node) and param.kind == f"{prefix}_star":
                have_star = True
                continue
            if isinstance(param, Node) and param.kind == f"{prefix}_dbl_star":
                continue
            default = param.args[-1] if isinstance(param, Node) else None
            if default is None:
                if not have_star and n_pos_defaults:
                    raise self.error(param, "non-default argument follows default argument")
                continue
            if have_star:
                n_kw_defaults += 1
                if n_kw_defaults == 1:
                    # positional defaults go in a tuple before the keyword defaults' map
                    if n_pos_defaults:
                        self.emit.build(n_pos_defaults, "TUPLE")
                    else:
                        self.emit.load_null()
                    self.emit.build(0, "MAP")
                self.compile_node(default)
                self.emit.load_const_str(param.args[0].name)
                self.emit.store_map()
            else:
                n_pos_defaults += 1
                self.compile_node(default)
        if n_pos_defaults and not n_kw_defaults:
            self.emit.build(n_pos_defaults, "TUPLE")
            self.emit.load_null()
        self.close_over(fscope, n_pos_defaults, n_kw_defaults)

    def close_over(self, fscope: sc.Scope, n_pos_defaults: int, n_kw_defaults: int) -> None:
        """Make a function, or a closure over the cells it uses, in the outer order."""
        if n_kw_defaults:
            fscope.scope_flags |= fmt.SCOPE_FLAG_DEFKWARGS
        fscope.num_def_pos_args = n_pos_defaults
        n_closed = 0
        if self.scope.kind != sc.MODULE:
            for outer in self.scope.id_info:
                if outer.kind in (sc.CELL, sc.FREE):
                    for inner in fscope.id_info:
                        if inner.kind == sc.FREE and inner.name == outer.name:
                            self.emit.load_fast(outer.local_num)
                            n_closed += 1
        if n_closed:
            self.emit.make_closure(fscope.raw_code, n_closed, n_pos_defaults, n_kw_defaults)
        else:
            self.emit.make_function(fscope.raw_code, n_pos_defaults, n_kw_defaults)

    def compile_classdef(self, pn: Node) -> None:
        self.store_id(self.classdef(pn))

    def classdef(self, pn: Node) -> str:
        if self.pass_ == PASS_SCOPE:
            pn.args[3] = self.new_scope(sc.CLASS, pn, pn.args[0].name)
        cscope: sc.Scope = pn.args[3]
        self.emit.load_build_class()
        self.close_over(cscope, 0, 0)
        self.emit.load_const_str(cscope.simple_name)
        bases = pn.args[1]
        if _is_kind(bases, "classdef_2"):
            bases = None
        self.call(bases, is_method=False, n_positional_extra=2)
        return cscope.simple_name

    def compile_decorated(self, pn: Node) -> None:
        decorators = _as_list(pn.args[0], "decorators")
        n_builtin = 0
        for decorator in decorators:
            names = _as_list(decorator.args[0], "dotted_name")
            if names[0].name == "micropython":
                self.builtin_decorator(decorator, names)
                n_builtin += 1
                continue
            self.compile_node(names[0])
            for name in names[1:]:
                self.emit.load_attr(name.name)
            if decorator.args[1] is not None:
                self.compile_node(decorator.args[1])
        body = pn.args[1]
        if body.kind == "funcdef":
            name = self.funcdef(body)
        elif body.kind == "async_funcdef":
            name = self.funcdef(body.args[0])
            body.args[0].args[4].scope_flags |= fmt.SCOPE_FLAG_GENERATOR
        else:
            name = self.classdef(body)
        for _ in range(len(decorators) - n_builtin):
            self.emit.call_function(1, 0)
        self.store_id(name)

    def builtin_decorator(self, decorator: Node, names: list) -> None:
        if len(names) != 2:
            raise self.error(decorator, "invalid micropython decorator")
        attr = names[1].name
        if attr in ("native", "viper", "asm_thumb", "asm_xtensa"):
            raise CompileError.not_supported(
                f"@micropython.{attr} (native code)", self.source_name, decorator.line
            )
        if attr != "bytecode":
            raise self.error(decorator, "invalid micropython decorator")

    # -- conditions -------------------------------------------------------------------

    def if_cond(self, pn: ParseNode, jump_if: bool, label: int) -> None:
        """Jump to `label` when `pn` is `jump_if`, short-circuiting and/or/not."""
        if is_const_false(pn):
            if not jump_if:
                self.emit.jump(label)
            return
        if is_const_true(pn):
            if jump_if:
                self.emit.jump(label)
            return
        if isinstance(pn, Node):
            if pn.kind in ("or_test", "and_test"):
                if (pn.kind == "or_test") != jump_if:
                    label2 = self.new_label()
                    for child in pn.args[:-1]:
                        self.if_cond(child, not jump_if, label2)
                    self.if_cond(pn.args[-1], jump_if, label)
                    self.emit.label_assign(label2)
                else:
                    for child in pn.args:
                        self.if_cond(child, jump_if, label)
                return
            if pn.kind == "not_test_2":
                self.if_cond(pn.args[0], not jump_if, label)
                return
            if pn.kind == "atom_paren":
                # () is false, a non-empty tuple is true
                if (pn.args[0] is None) != jump_if:
                    self.emit.jump(label)
                return
        self.compile_node(pn)
        self.emit.pop_jump_if(jump_if, label)

    # -- expressions ------------------------------------------------------------------

    def compile_test_if_expr(self, pn: Node) -> None:
        body, test_if_else = pn.args
        l_fail = self.new_label()
        l_end = self.new_label()
        self.if_cond(test_if_else.args[0], False, l_fail)
        self.compile_node(body)
        self.emit.jump(l_end)
        self.emit.label_assign(l_fail)
        self.emit.adjust_stack_size(-1)
        self.compile_node(test_if_else.args[1])
        self.emit.label_assign(l_end)

    def compile_namedexpr_test(self, pn: Node) -> None:
        self.namedexpr(pn.args[0], pn.args[1])

    def namedexpr(self, target: ParseNode, value: ParseNode) -> None:
        if not isinstance(target, Id):
            raise self.error(target, "can't assign to expression")
        self.compile_node(value)
        self.emit.dup_top()
        scope = self.scope
        if scope.is_comp_like and scope.parent is not None:
            # the name binds in the enclosing scope, so it escapes the comprehension
            self.scope = scope.parent
        try:
            self.store_id(target.name)
        finally:
            self.scope = scope

    def compile_or_test(self, pn: Node) -> None:
        self.or_and(pn, True)

    def compile_and_test(self, pn: Node) -> None:
        self.or_and(pn, False)

    def or_and(self, pn: Node, cond: bool) -> None:
        l_end = self.new_label()
        for i, child in enumerate(pn.args):
            self.compile_node(child)
            if i + 1 < len(pn.args):
                self.emit.jump_if_or_pop(cond, l_end)
        self.emit.label_assign(l_end)

    def compile_not_test_2(self, pn: Node) -> None:
        self.compile_node(pn.args[0])
        self.emit.unary_op("NOT")

    def compile_comparison(self, pn: Node) -> None:
        args = pn.args
        self.compile_node(args[0])
        multi = len(args) > 3
        l_fail = self.new_label() if multi else 0
        for i in range(1, len(args) - 1, 2):
            self.compile_node(args[i + 1])
            if i + 2 < len(args):
                self.emit.dup_top()
                self.emit.rot_three()
            self.emit.binary_op(_COMPARE_OPS[args[i].value])
            if i + 2 < len(args):
                self.emit.jump_if_or_pop(False, l_fail)
        if multi:
            l_end = self.new_label()
            self.emit.jump(l_end)
            self.emit.label_assign(l_fail)
            self.emit.adjust_stack_size(1)
            self.emit.rot_two()
            self.emit.pop_top()
            self.emit.label_assign(l_end)

    def compile_star_expr(self, pn: Node) -> None:
        raise self.error(pn, "*x must be assignment target")

    def same_op(self, pn: Node) -> None:
        op = _SAME_OP_RULES[pn.kind]
        self.compile_node(pn.args[0])
        for child in pn.args[1:]:
            self.compile_node(child)
            self.emit.binary_op(op)

    def mixed_ops(self, pn: Node) -> None:
        self.compile_node(pn.args[0])
        for i in range(1, len(pn.args), 2):
            self.compile_node(pn.args[i + 1])
            self.emit.binary_op(_BINARY_OPS[pn.args[i].value])

    def compile_factor_2(self, pn: Node) -> None:
        self.compile_node(pn.args[1])
        self.emit.unary_op(_UNARY_OPS[pn.args[0].value])

    def compile_power(self, pn: Node) -> None:
        self.compile_all_nodes(pn)
        self.emit.binary_op("POWER")

    def compile_atom_paren(self, pn: Node) -> None:
        inner = pn.args[0]
        if inner is None:
            self.emit.build(0, "TUPLE")
        elif _has_comp_for(inner):
            self.comprehension(inner, sc.GEN_EXPR)
        else:
            self.compile_tuple(inner)

    def compile_tuple(self, pn: Node) -> None:
        for child in pn.args:
            self.compile_node(child)
        self.emit.build(len(pn.args), "TUPLE")

    def compile_atom_bracket(self, pn: Node) -> None:
        inner = pn.args[0]
        if inner is None:
            self.emit.build(0, "LIST")
        elif _is_kind(inner, "testlist_comp"):
            if _has_comp_for(inner):
                self.comprehension(inner, sc.LIST_COMP)
            else:
                self.compile_all_nodes(inner)
                self.emit.build(len(inner.args), "LIST")
        else:
            self.compile_node(inner)
            self.emit.build(1, "LIST")

    def compile_atom_brace(self, pn: Node) -> None:
        self.dict_or_set(pn, create_map=True)

    def dict_or_set(self, pn: Node, create_map: bool) -> None:
        inner = pn.args[0]
        if inner is None:
            if create_map:
                self.emit.build(0, "MAP")
            return
        if _is_kind(inner, "dictorsetmaker_item"):
            if create_map:
                self.emit.build(1, "MAP")
            self.compile_node(inner)
            self.emit.store_map()
            return
        if not _is_kind(inner, "dictorsetmaker"):
            self.compile_node(inner)
            self.emit.build(1, "SET")
            return
        first, tail = inner.args
        is_dict = _is_kind(first, "dictorsetmaker_item")
        if tail.kind == "comp_for":
            self.comprehension(inner, sc.DICT_COMP if is_dict else sc.SET_COMP)
            return
        rest = _as_list(tail.args[0], "dictorsetmaker_list2")
        if is_dict:
            if create_map:
                self.emit.build(1 + len(rest), "MAP")
            self.compile_node(first)
            self.emit.store_map()
        else:
            self.compile_node(first)
        for item in rest:
            is_key_value = _is_kind(item, "dictorsetmaker_item")
            self.compile_node(item)
            if is_dict:
                if not is_key_value:
                    raise self.error(inner, "expecting key:value for dict")
                self.emit.store_map()
            elif is_key_value:
                raise self.error(inner, "expecting just a value for set")
        if not is_dict:
            self.emit.build(1 + len(rest), "SET")

    def compile_dictorsetmaker_item(self, pn: Node) -> None:
        self.compile_node(pn.args[1])
        self.compile_node(pn.args[0])

    def comprehension(self, pn: Node, kind: str) -> None:
        comp_for = pn.args[1]
        if self.pass_ == PASS_SCOPE:
            comp_for.args[3] = self.new_scope(kind, pn)
        cscope: sc.Scope = comp_for.args[3]
        self.close_over(cscope, 0, 0)
        self.compile_node(comp_for.args[1])
        if kind == sc.GEN_EXPR:
            self.emit.get_iter(False)
        self.emit.call_function(1, 0)

    def compile_atom_expr_normal(self, pn: Node) -> None:
        self.compile_node(pn.args[0])
        if pn.args[1] is None:
            return
        trailers = _as_list(pn.args[1], "atom_expr_trailers")
        i = 0
        if (
            isinstance(pn.args[0], Id)
            and pn.args[0].name == "super"
            and self.scope.kind == sc.FUNCTION
            and trailers[0].kind == "trailer_paren"
            and trailers[0].args[0] is None
        ):
            i = self.super_call(trailers)
        while i < len(trailers):
            trailer = trailers[i]
            if (
                i + 1 < len(trailers)
                and trailer.kind == "trailer_period"
                and trailers[i + 1].kind == "trailer_paren"
            ):
                # a.f(...) calls the method without making a bound method object
                self.emit.load_method(trailer.args[0].name)
                self.call(trailers[i + 1].args[0], is_method=True)
                i += 2
            else:
                self.compile_node(trailer)
                i += 1

    def super_call(self, trailers: list) -> int:
        """super() in a method: pass __class__ and the first argument; returns trailers used."""
        self.load_id("__class__")
        first_param = next((i for i in self.scope.id_info if i.is_param), None)
        if first_param is None:
            raise self.error(trailers[0], "super() can't find self")
        self.load_id(first_param.name)
        if (
            len(trailers) >= 3
            and trailers[1].kind == "trailer_period"
            and trailers[2].kind == "trailer_paren"
        ):
            self.emit.load_method(trailers[1].args[0].name, is_super=True)
            self.call(trailers[2].args[0], is_method=True)
            return 3
        self.emit.call_function(2, 0)
        return 1

    def compile_atom_expr_await(self, pn: Node) -> None:
        if self.scope.kind not in (sc.FUNCTION, sc.LAMBDA):
            raise self.error(pn, "'await' outside function")
        self.compile_atom_expr_normal(pn)
        self.yield_from()

    def compile_trailer_paren(self, pn: Node) -> None:
        self.call(pn.args[0], is_method=False)

    def compile_trailer_bracket(self, pn: Node) -> None:
        self.compile_node(pn.args[0])
        self.emit.load_subscr()

    def compile_trailer_period(self, pn: Node) -> None:
        self.emit.load_attr(pn.args[0].name)

    def compile_subscript_2(self, pn: Node) -> None:
        self.compile_node(pn.args[0])
        self.slice_rest(pn.args[1])

    def compile_subscript_3(self, pn: Node) -> None:
        self.emit.load_const_tok("None")
        self.slice_rest(pn)

    def slice_rest(self, subscript_3: Node) -> None:
        """After the start: the stop and step of a slice, then BUILD_SLICE."""
        pn = subscript_3.args[0]
        if pn is None:
            self.emit.load_const_tok("None")
            self.emit.build(2, "SLICE")
        elif _is_kind(pn, "subscript_3c"):
            self.emit.load_const_tok("None")
            if pn.args[0] is None:
                self.emit.build(2, "SLICE")
            else:
                self.compile_node(pn.args[0])
                self.emit.build(3, "SLICE")
        elif _is_kind(pn, "subscript_3d"):
            self.compile_node(pn.args[0])
            step = pn.args[1].args[0]
            if step is None:
                self.emit.build(2, "SLICE")
            else:
                self.compile_node(step)
                self.emit.build(3, "SLICE")
        else:
            self.compile_node(pn)
            self.emit.build(2, "SLICE")

    def call(self, arglist: ParseNode, is_method: bool, n_positional_extra: int = 0) -> None:
        n_positional = n_positional_extra
        n_keyword = 0
        star_flags = 0
        star_args = 0
        for i, arg in enumerate(_as_list(arglist, "arglist")):
            kind = arg.kind if isinstance(arg, Node) else None
            if kind == "arglist_star":
                if star_flags & 2:
                    raise self.error(arg, "* arg after **")
                if i >= self.small_int_bits - 1:
                    raise self.error(arg, "too many args")
                star_flags |= 1
                star_args |= 1 << i
                self.compile_node(arg.args[0])
                n_positional += 1
            elif kind == "arglist_dbl_star":
                star_flags |= 2
                self.emit.load_null()
                self.compile_node(arg.args[0])
                n_keyword += 1
            elif kind == "argument" and _is_kind(arg.args[1], "argument_3"):
                self.namedexpr(arg.args[0], arg.args[1].args[0])
                n_positional += 1
            elif kind == "argument" and not _is_kind(arg.args[1], "comp_for"):
                name, value = arg.args
                if not isinstance(name, Id):
                    raise self.error(arg, "LHS of keyword arg must be an id")
                self.emit.load_const_str(name.name)
                self.compile_node(value)
                n_keyword += 1
            elif kind == "argument":
                self.comprehension(arg, sc.GEN_EXPR)
                n_positional += 1
            else:
                if star_flags & 2:
                    raise self.error(arg, "positional arg after **")
                if n_keyword:
                    raise self.error(arg, "positional arg after keyword arg")
                self.compile_node(arg)
                n_positional += 1
        if star_flags:
            self.emit.load_const_small_int(star_args)
        if is_method:
            self.emit.call_method(n_positional, n_keyword, bool(star_flags))
        else:
            self.emit.call_function(n_positional, n_keyword, bool(star_flags))

    def compile_yield_expr(self, pn: Node) -> None:
        if self.scope.kind not in (sc.FUNCTION, sc.LAMBDA):
            raise self.error(pn, "'yield' outside function")
        arg = pn.args[0]
        if arg is None:
            self.emit.load_const_tok("None")
            self.emit.yield_value()
        elif _is_kind(arg, "yield_arg_from"):
            self.compile_node(arg.args[0])
            self.yield_from()
        else:
            self.compile_node(arg)
            self.emit.yield_value()


# (action, identifier kind) -> (emitter method, whether it takes the local's number)
_ID_EMITTERS: Final = {
    (action, kind): (getattr(Emitter, f"{action}_{suffix}"), by_number)
    for action in ("load", "store", "delete")
    for kind, suffix, by_number in (
        (sc.GLOBAL_IMPLICIT, "name", False),
        (sc.GLOBAL_IMPLICIT_ASSIGNED, "name", False),
        (sc.GLOBAL_EXPLICIT, "global", False),
        (sc.LOCAL, "fast", True),
        (sc.CELL, "deref", True),
        (sc.FREE, "deref", True),
        (sc.UNDECIDED, "deref", True),
    )
}

# compile_<rule> handlers by rule name, built once
_HANDLERS: Final = {
    name.removeprefix("compile_"): fn
    for name, fn in vars(Compiler).items()
    if name.startswith("compile_") and name != "compile_node"
}
# rules compiled alike share a handler
_HANDLERS.update(
    {
        rule: Compiler.compile_all_nodes
        for rule in ("file_input_2", "suite_block_stmts", "simple_stmt_2", "pass_stmt")
    }
    | {rule: Compiler.same_op for rule in ("expr", "xor_expr", "and_expr")}
    | {rule: Compiler.mixed_ops for rule in ("shift_expr", "arith_expr", "term")}
    | {rule: Compiler.compile_tuple for rule in ("testlist_star_expr", "testlist", "subscriptlist")}
)


def compile_tree(
    root: ParseNode,
    source_name: str,
    optimize: int = 0,
    small_int_bits: int = _SMALL_INT_BITS_DEFAULT,
) -> CompiledModule:
    module = Compiler(source_name, optimize, small_int_bits).compile(root)
    module.small_int_bits = small_int_bits
    return module
