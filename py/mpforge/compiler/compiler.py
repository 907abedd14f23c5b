"""The compiler: parse tree -> bytecode, one `compile_<rule>` per grammar rule.

Mirrors the structure that makes mpy-cross's output what it is: scopes are
compiled in the order they are discovered, every scope runs the SCOPE pass before
any scope runs the later passes, and qstrs and constants are numbered in the order
the passes first use them.
"""

from __future__ import annotations

from ..mpy import format as fmt
from ..mpy.mpyfile import CompiledModule
from . import scope as sc
from .emitter import (
    BREAK_FROM_FOR,
    PASS_CODE_SIZE,
    PASS_EMIT,
    PASS_SCOPE,
    PASS_STACK_SIZE,
    Emitter,
    ModuleTables,
)
from .errors import CompileError
from .parsetree import CONST_OBJECT, Id, Node, SmallInt, Str, Tok, is_const_false, is_const_true

_COMPARE_OPS = {
    "<": "LESS", ">": "MORE", "==": "EQUAL", "<=": "LESS_EQUAL", ">=": "MORE_EQUAL",
    "!=": "NOT_EQUAL", "in": "IN", "not in": "NOT_IN", "is": "IS", "is not": "IS_NOT",
}  # fmt: skip
_BINARY_OPS = {
    "|": "OR", "^": "XOR", "&": "AND", "<<": "LSHIFT", ">>": "RSHIFT", "+": "ADD",
    "-": "SUBTRACT", "*": "MULTIPLY", "@": "MAT_MULTIPLY", "/": "TRUE_DIVIDE",
    "//": "FLOOR_DIVIDE", "%": "MODULO", "**": "POWER",
}  # fmt: skip
_UNARY_OPS = {"+": "POSITIVE", "-": "NEGATIVE", "~": "INVERT"}
_SAME_OP_RULES = {"expr": "OR", "xor_expr": "XOR", "and_expr": "AND"}

_NO_LABEL = -1


def _as_list(pn: object, list_kind: str) -> list:
    """A node that may be a single item or a list rule of items, as a list."""
    if pn is None:
        return []
    if isinstance(pn, Node) and pn.kind == list_kind:
        return pn.args
    return [pn]


class Compiler:
    def __init__(self, source_name: str, optimize: int = 0) -> None:
        self.source_name = source_name
        self.optimize = optimize
        self.tables = ModuleTables()
        self.tables.use_qstr(source_name)
        self.emit = Emitter(self.tables, strip_line_numbers=optimize >= 3)
        self.scopes: list[sc.Scope] = []
        self.break_label = _NO_LABEL
        self.continue_label = _NO_LABEL

    # -- driver ------------------------------------------------------------------------

    def compile(self, root: object) -> CompiledModule:
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
            self.compile_scope(scope, PASS_CODE_SIZE)
            while not self.compile_scope(scope, PASS_EMIT):
                pass
        return CompiledModule(
            qstrs=list(self.tables.qstrs), objs=self.tables.objs, root=module.raw_code
        )

    def new_scope(self, kind: str, node: object, name: str) -> sc.Scope:
        scope = sc.Scope(
            kind=kind, node=node, parent=getattr(self, "scope", None), simple_name=name
        )
        self.scopes.append(scope)
        return scope

    def compile_scope(self, scope: sc.Scope, pass_: int) -> bool:
        self.pass_ = pass_
        self.scope = scope
        self.next_label = 0
        self.tables.start_pass(pass_)
        self.emit.start_pass(pass_, scope)
        if pass_ == PASS_SCOPE:
            scope.stack_size = 0
            scope.exc_stack_size = 0
        try:
            if scope.kind == sc.MODULE:
                self.compile_node(scope.node)
                self.emit.load_const_tok("None")
                self.emit.return_value()
            else:
                funcdef = scope.node
                assert isinstance(funcdef, Node)
                if pass_ == PASS_SCOPE:
                    for param in _as_list(funcdef.args[1], "typedargslist"):
                        self.scope_param(param)
                self.compile_node(funcdef.args[3])
                if not self.emit.last_emit_was_return_value:
                    self.emit.load_const_tok("None")
                    self.emit.return_value()
        except CompileError as err:
            if err.block is None and err.exc_type != "NotImplementedError":
                err.block = scope.simple_name
            raise
        complete = self.emit.end_pass()
        if pass_ == PASS_EMIT and complete:
            scope.raw_code.fun_data = self.emit.fun_data()
            scope.raw_code.children = list(self.tables.children)  # type: ignore[arg-type]
        return complete

    def new_label(self) -> int:
        self.next_label += 1
        return self.next_label - 1

    def error(self, node: object, message: str, exc_type: str = "SyntaxError") -> CompileError:
        line = node.line if isinstance(node, Node) else getattr(self, "last_line", 1)
        return CompileError(exc_type, message, self.source_name, line)

    # -- identifiers ------------------------------------------------------------------

    def load_id(self, name: str) -> None:
        if self.pass_ == PASS_SCOPE:
            self.scope.find_or_add(name, sc.GLOBAL_IMPLICIT)
            return
        ident = self.scope.find(name)
        assert ident is not None
        if ident.kind in (sc.GLOBAL_IMPLICIT, sc.GLOBAL_IMPLICIT_ASSIGNED):
            self.emit.load_name(name)
        elif ident.kind == sc.GLOBAL_EXPLICIT:
            self.emit.load_global(name)
        elif ident.kind == sc.LOCAL:
            self.emit.load_fast(ident.local_num)
        else:
            self.emit.load_deref(ident.local_num)

    def store_id(self, name: str) -> None:
        if self.pass_ == PASS_SCOPE:
            self.scope.add_id_for_modification(name)
            return
        ident = self.scope.find(name)
        assert ident is not None
        if ident.kind in (sc.GLOBAL_IMPLICIT, sc.GLOBAL_IMPLICIT_ASSIGNED):
            self.emit.store_name(name)
        elif ident.kind == sc.GLOBAL_EXPLICIT:
            self.emit.store_global(name)
        elif ident.kind == sc.LOCAL:
            self.emit.store_fast(ident.local_num)
        else:
            self.emit.store_deref(ident.local_num)

    def scope_param(self, param: object) -> None:
        name = param.name if isinstance(param, Id) else param.args[0].name  # type: ignore[union-attr]
        self.scope.num_pos_args += 1
        ident = self.scope.find_or_add(name, sc.UNDECIDED)
        if ident.kind != sc.UNDECIDED:
            raise self.error(param, "argument name reused")
        ident.kind = sc.LOCAL
        ident.is_param = True

    # -- dispatch ---------------------------------------------------------------------

    def compile_node(self, pn: object) -> None:
        if pn is None:
            return
        if isinstance(pn, SmallInt):
            self.emit.load_const_small_int(pn.value)
        elif isinstance(pn, Id):
            self.load_id(pn.name)
        elif isinstance(pn, Str):
            self.emit.load_const_str(pn.value)
        elif isinstance(pn, Tok):
            self.emit.load_const_tok(pn.value)
        else:
            assert isinstance(pn, Node)
            self.emit.set_source_line(pn.line)
            self.last_line = pn.line or getattr(self, "last_line", 1)
            handler = getattr(self, f"compile_{pn.kind}", None)
            if handler is None:
                raise CompileError.not_supported(
                    pn.kind.replace("_", " "), self.source_name, pn.line
                )
            handler(pn)

    def compile_all_nodes(self, pn: Node) -> None:
        for child in pn.args:
            self.compile_node(child)

    compile_file_input_2 = compile_all_nodes
    compile_suite_block_stmts = compile_all_nodes
    compile_simple_stmt_2 = compile_all_nodes
    compile_pass_stmt = compile_all_nodes

    def compile_const_object(self, pn: Node) -> None:
        self.emit.load_const_obj(pn.args[0])

    # -- statements -------------------------------------------------------------------

    def compile_expr_stmt(self, pn: Node) -> None:
        lhs, rhs = pn.args
        if rhs is None:
            if isinstance(lhs, SmallInt | Str | Tok) or (
                isinstance(lhs, Node) and lhs.kind == CONST_OBJECT
            ):
                return  # a lonely constant (e.g. a docstring) compiles to nothing
            self.compile_node(lhs)
            self.emit.pop_top()
        elif isinstance(rhs, Node) and rhs.kind == "expr_stmt_augassign":
            op, value = rhs.args
            self.assign(lhs, "aug_load")
            self.compile_node(value)
            self.emit.binary_op("INPLACE_" + _BINARY_OPS[op.value[:-1]])
            self.assign(lhs, "aug_store")
        elif isinstance(rhs, Node) and rhs.kind == "expr_stmt_assign_list":
            *targets, value = rhs.args
            self.compile_node(value)
            if targets:
                self.emit.dup_top()
            self.assign(lhs, "store")
            for i, target in enumerate(targets):
                if i + 1 < len(targets):
                    self.emit.dup_top()
                self.assign(target, "store")
        else:
            self.compile_node(rhs)
            self.assign(lhs, "store")

    def assign(self, target: object, kind: str) -> None:
        if isinstance(target, Id):
            if kind == "aug_load":
                self.load_id(target.name)
            else:
                self.store_id(target.name)
            return
        if isinstance(target, Node) and target.kind in ("testlist_star_expr", "exprlist"):
            raise CompileError.not_supported("tuple assignment", self.source_name, target.line)
        if isinstance(target, Node) and target.kind == "atom_expr_normal":
            last = _as_list(target.args[1], "atom_expr_trailers")[-1]
            if last.kind in ("trailer_period", "trailer_bracket"):
                raise CompileError.not_supported(
                    "attribute and subscript assignment", self.source_name, target.line
                )
        raise self.error(target, "can't assign to expression")

    def compile_break_stmt(self, pn: Node) -> None:
        self.break_continue(pn, self.break_label)

    def compile_continue_stmt(self, pn: Node) -> None:
        self.break_continue(pn, self.continue_label)

    def break_continue(self, pn: Node, label: int) -> None:
        if label == _NO_LABEL:
            raise self.error(pn, "'break'/'continue' outside loop")
        self.emit.unwind_jump(label, 0)

    def compile_return_stmt(self, pn: Node) -> None:
        if self.scope.kind != sc.FUNCTION:
            raise self.error(pn, "'return' outside function")
        value = pn.args[0]
        if value is None:
            self.emit.load_const_tok("None")
        elif isinstance(value, Node) and value.kind == "test_if_expr":
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

    def start_loop(self) -> tuple[int, int, int, int]:
        """Allocate break/continue labels; returns the outer ones to restore."""
        saved = (self.break_label, self.continue_label)
        self.break_label = self.new_label()
        self.continue_label = self.new_label()
        return saved[0], saved[1], self.break_label, self.continue_label

    def compile_while_stmt(self, pn: Node) -> None:
        cond, body, orelse = pn.args
        old_break, old_continue, break_label, continue_label = self.start_loop()
        if not is_const_false(cond):
            top_label = self.new_label()
            if not is_const_true(cond):
                self.emit.jump(continue_label)
            self.emit.label_assign(top_label)
            self.compile_node(body)
            self.emit.label_assign(continue_label)
            self.if_cond(cond, True, top_label)
        self.break_label, self.continue_label = old_break, old_continue
        self.compile_node(orelse)
        self.emit.label_assign(break_label)

    def compile_for_stmt(self, pn: Node) -> None:
        target, iterable, body, orelse = pn.args
        range_args = self.optimisable_range(target, iterable)
        if range_args is not None:
            self.for_range(target, *range_args, body, orelse)
            return
        old_break, old_continue, break_label, continue_label = self.start_loop()
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
        self.break_label, self.continue_label = old_break, old_continue
        self.compile_node(orelse)
        self.emit.label_assign(break_label)

    @staticmethod
    def optimisable_range(target: object, iterable: object) -> tuple | None:
        """(start, end, step) when `for x in range(...)` can be a counting loop."""
        if not (
            isinstance(target, Id)
            and isinstance(iterable, Node)
            and iterable.kind == "atom_expr_normal"
            and iterable.args[0] == Id("range")
            and isinstance(iterable.args[1], Node)
            and iterable.args[1].kind == "trailer_paren"
        ):
            return None
        args = _as_list(iterable.args[1].args[0], "arglist")
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

    def for_range(self, var, start, end, step: SmallInt, body, orelse) -> None:
        old_break, old_continue, break_label, continue_label = self.start_loop()
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
        self.break_label, self.continue_label = old_break, old_continue
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

    def compile_funcdef(self, pn: Node) -> None:
        if self.pass_ == PASS_SCOPE:
            pn.args[4] = self.new_scope(sc.FUNCTION, pn, pn.args[0].name)
        fscope: sc.Scope = pn.args[4]
        n_defaults = 0
        for param in _as_list(pn.args[1], "typedargslist"):
            if isinstance(param, Node):  # a parameter with a default value
                n_defaults += 1
                self.compile_node(param.args[2])
            elif n_defaults:
                raise self.error(pn, "non-default argument follows default argument")
        if n_defaults:
            self.emit.build(n_defaults, "TUPLE")
            self.emit.load_null()
        fscope.num_def_pos_args = n_defaults
        self.make_function(fscope, n_defaults)
        self.store_id(fscope.simple_name)

    def make_function(self, fscope: sc.Scope, n_pos_defaults: int) -> None:
        """Make a function, or a closure over the cells it uses, in the outer order."""
        n_closed = 0
        if self.scope.kind != sc.MODULE:
            for outer in self.scope.id_info:
                if outer.kind in (sc.CELL, sc.FREE):
                    for inner in fscope.id_info:
                        if inner.kind == sc.FREE and inner.name == outer.name:
                            self.emit.load_fast(outer.local_num)
                            n_closed += 1
        if n_closed:
            self.emit.make_closure(fscope.raw_code, n_closed, n_pos_defaults, 0)
        else:
            self.emit.make_function(fscope.raw_code, n_pos_defaults, 0)

    # -- conditions -------------------------------------------------------------------

    def if_cond(self, pn: object, jump_if: bool, label: int) -> None:
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
                    # all must fail (or) / one failing decides (and): test each for the opposite
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

    def same_op(self, pn: Node) -> None:
        op = _SAME_OP_RULES[pn.kind]
        self.compile_node(pn.args[0])
        for child in pn.args[1:]:
            self.compile_node(child)
            self.emit.binary_op(op)

    compile_expr = same_op
    compile_xor_expr = same_op
    compile_and_expr = same_op

    def mixed_ops(self, pn: Node) -> None:
        self.compile_node(pn.args[0])
        for i in range(1, len(pn.args), 2):
            self.compile_node(pn.args[i + 1])
            self.emit.binary_op(_BINARY_OPS[pn.args[i].value])

    compile_shift_expr = mixed_ops
    compile_arith_expr = mixed_ops
    compile_term = mixed_ops

    def compile_factor_2(self, pn: Node) -> None:
        self.compile_node(pn.args[1])
        self.emit.unary_op(_UNARY_OPS[pn.args[0].value])

    def compile_power(self, pn: Node) -> None:
        self.compile_all_nodes(pn)
        self.emit.binary_op("POWER")

    def compile_atom_paren(self, pn: Node) -> None:
        if pn.args[0] is None:
            self.emit.build(0, "TUPLE")
        else:
            self.compile_tuple(pn.args[0])

    def compile_tuple(self, pn: Node) -> None:
        for child in pn.args:
            self.compile_node(child)
        self.emit.build(len(pn.args), "TUPLE")

    compile_testlist_star_expr = compile_tuple
    compile_testlist = compile_tuple

    def compile_atom_expr_normal(self, pn: Node) -> None:
        self.compile_node(pn.args[0])
        trailers = _as_list(pn.args[1], "atom_expr_trailers")
        i = 0
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

    def compile_trailer_paren(self, pn: Node) -> None:
        self.call(pn.args[0], is_method=False)

    def compile_trailer_period(self, pn: Node) -> None:
        self.emit.load_attr(pn.args[0].name)

    def call(self, arglist: object, is_method: bool) -> None:
        n_positional = 0
        n_keyword = 0
        for arg in _as_list(arglist, "arglist"):
            if isinstance(arg, Node) and arg.kind == "argument":
                name, value = arg.args
                if not isinstance(name, Id):
                    raise self.error(arg, "LHS of keyword arg must be an id")
                self.emit.load_const_str(name.name)
                self.compile_node(value)
                n_keyword += 1
            else:
                if n_keyword:
                    raise self.error(arg, "positional arg after keyword arg")
                self.compile_node(arg)
                n_positional += 1
        if is_method:
            self.emit.call_method(n_positional, n_keyword)
        else:
            self.emit.call_function(n_positional, n_keyword)


def compile_tree(root: object, source_name: str, optimize: int = 0, small_int_bits: int = 31):
    module = Compiler(source_name, optimize).compile(root)
    module.small_int_bits = small_int_bits
    module.feature_flags = 0
    module.arch = 0
    assert module.root.kind == fmt.CODE_BYTECODE
    return module
