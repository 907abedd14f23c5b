#include <stdarg.h>
#include <string.h>

#include "exc.h"
#include "gc.h"
#include "mpf.h"
#include "print.h"

static mpf_nlr_t *nlr_top;

void mpf_nlr_push(mpf_nlr_t *nlr) {
    nlr->prev = nlr_top;
    nlr->exc = MPF_OBJ_NULL;
    nlr->pystack = mpf_pystack_top();
    nlr_top = nlr;
}

void mpf_nlr_pop(void) {
    nlr_top = nlr_top->prev;
}

void mpf_nlr_reset(void) {
    nlr_top = NULL;
}

/* Raised when the heap is full, so it cannot itself be allocated there. */
static mpf_exc_t memory_error_obj;

void mpf_exc_init(void) {
    /* its traceback entries are on the heap, referenced only from this static */
    mpf_gc_add_root((void **)&memory_error_obj.tb);
}

_Noreturn void mpf_raise(mpf_obj_t exc) {
    mpf_nlr_t *top = nlr_top;
    if (top == NULL) {
        /* only reachable through a runtime bug: there is always a handler in mpf_run_* */
        static const char msg[] = "FATAL: uncaught exception outside mpf_run\n";
        mpf_port_write_error(msg, sizeof(msg) - 1);
        for (;;) {
        }
    }
    nlr_top = top->prev;
    top->exc = exc;
    /* what the frames and calls being left put on the VM stack (their frees are
     * skipped) goes with them */
    mpf_pystack_free(top->pystack);
    longjmp(top->jb, 1);
}

/* --- exception classes --- */

static void exc_type_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_printf(p, "<class '%q'>", ((const mpf_type_t *)self)->name);
}

/* MicroPython's forms: repr is the name and the args tuple, ValueError('x',); str is
 * empty, the one argument's str, or the tuple's repr */
static void exc_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    const mpf_exc_t *e = self;
    const mpf_tuple_t *args = e->args;
    if (repr) {
        mpf_printf(p, "%q", e->base.type->name);
        mpf_print_seq(p, "(", ")", args->len, args->items, true);
    } else if (args->len == 1) {
        mpf_obj_print_to(p, args->items[0], false);
    } else if (args->len > 1) {
        mpf_obj_print_to(p, (mpf_obj_t)args, true);
    }
}

static mpf_obj_t exc_type_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    /* the hook is the type's, so mpf_call reaches it for an instance too: `e()` */
    if (!mpf_obj_is_exception_type(self)) {
        mpf_raise_msg(&mpf_type_TypeError, "'%s' object isn't callable", mpf_obj_type_name(self));
    }
    if (n_kw) {
        mpf_raise_msg(&mpf_type_TypeError, "function doesn't take keyword arguments");
    }
    mpf_exc_t *e = mpf_exc_new(self, MPF_OBJ_NULL);
    e->args = mpf_tuple_new(n_args, args);
    return e;
}

/* Exception classes are types whose instances print as their message. */
#define EXC_TYPE(NAME, PARENT) \
    const mpf_type_t mpf_type_##NAME = { \
        .base = {&mpf_type_type}, .name = MP_QSTR_##NAME, .parent = PARENT, \
        .print = exc_type_print, .call = exc_type_call, \
    }

EXC_TYPE(BaseException, NULL);
EXC_TYPE(Exception, &mpf_type_BaseException);
EXC_TYPE(ArithmeticError, &mpf_type_Exception);
EXC_TYPE(ZeroDivisionError, &mpf_type_ArithmeticError);
EXC_TYPE(OverflowError, &mpf_type_ArithmeticError);
EXC_TYPE(NameError, &mpf_type_Exception);
EXC_TYPE(TypeError, &mpf_type_Exception);
EXC_TYPE(ValueError, &mpf_type_Exception);
EXC_TYPE(RuntimeError, &mpf_type_Exception);
EXC_TYPE(NotImplementedError, &mpf_type_RuntimeError);
EXC_TYPE(MemoryError, &mpf_type_Exception);
EXC_TYPE(ImportError, &mpf_type_Exception);
EXC_TYPE(LookupError, &mpf_type_Exception);
EXC_TYPE(IndexError, &mpf_type_LookupError);
EXC_TYPE(KeyError, &mpf_type_LookupError);
EXC_TYPE(AttributeError, &mpf_type_Exception);
EXC_TYPE(StopIteration, &mpf_type_Exception);
EXC_TYPE(StopAsyncIteration, &mpf_type_Exception);
EXC_TYPE(AssertionError, &mpf_type_Exception);
EXC_TYPE(KeyboardInterrupt, &mpf_type_BaseException);
EXC_TYPE(SystemExit, &mpf_type_BaseException);
EXC_TYPE(GeneratorExit, &mpf_type_BaseException);
EXC_TYPE(OSError, &mpf_type_Exception);
EXC_TYPE(UnicodeError, &mpf_type_ValueError);

/* `except cls` for an exception instance: cls a class or a tuple of them */
bool mpf_exc_match(mpf_obj_t exc, mpf_obj_t cls) {
    size_t n;
    mpf_obj_t *items;
    if (mpf_obj_get_array(cls, &n, &items)) {
        for (size_t i = 0; i < n; ++i) {
            if (mpf_exc_match(exc, items[i])) {
                return true;
            }
        }
        return false;
    }
    if (!mpf_obj_is_exception_type(cls)) {
        mpf_raise_msg(&mpf_type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    }
    const mpf_type_t *t = mpf_obj_is_exception_type(exc) ? (const mpf_type_t *)exc : mpf_obj_get_type(exc);
    return mpf_type_is_subclass(t, cls);
}

/* A built-in exception class is recognised by its print hook; a class statement's
 * class by its first base, which decides its instances' layout (objtype.c). */
bool mpf_obj_is_exception_type(mpf_obj_t o) {
    if (!MPF_OBJ_IS_PTR(o) || MPF_OBJ_TYPE_OF_PTR(o) != &mpf_type_type) {
        return false;
    }
    const mpf_type_t *t = o;
    while (t->flags & MPF_TYPE_FLAG_CLASS) {
        t = ((const mpf_class_t *)t)->native;
        if (t == NULL) {
            return false;
        }
    }
    return t->print == exc_type_print;
}

bool mpf_obj_is_exception(mpf_obj_t o) {
    return MPF_OBJ_IS_PTR(o) && mpf_obj_is_exception_type((mpf_obj_t)MPF_OBJ_TYPE_OF_PTR(o));
}

void mpf_exc_print_instance(mpf_print_t *p, mpf_obj_t self, bool repr) {
    exc_print(p, self, repr);
}

_Noreturn void mpf_raise_memory_error(void) {
    memory_error_obj.base.type = &mpf_type_MemoryError;
    memory_error_obj.args = mpf_tuple_new(0, NULL);
    memory_error_obj.members = NULL;
    memory_error_obj.tb = NULL;
    memory_error_obj.tb_len = 0;
    memory_error_obj.tb_alloc = 0;
    mpf_raise(&memory_error_obj);
}

mpf_obj_t mpf_exc_new(const mpf_type_t *type, mpf_obj_t arg) {
    mpf_exc_t *e = mpf_alloc(sizeof(*e));
    e->base.type = type;
    e->members = NULL;
    e->args = arg == MPF_OBJ_NULL ? mpf_tuple_new(0, NULL) : mpf_tuple_new(1, &arg);
    e->tb = NULL;
    e->tb_len = 0;
    e->tb_alloc = 0;
    return e;
}

_Noreturn void mpf_raise_msg(const mpf_type_t *type, const char *fmt, ...) {
    char buf[160];
    mpf_print_t p = {buf, 0, sizeof(buf), false};
    buf[0] = '\0';
    va_list ap;
    va_start(ap, fmt);
    mpf_vprintf(&p, fmt, ap);
    va_end(ap);
    mpf_raise(mpf_exc_new(type, mpf_obj_new_str(buf, p.len)));
}

_Noreturn void mpf_raise_recursion_depth(void) {
    mpf_raise_msg(&mpf_type_RuntimeError, "maximum recursion depth exceeded");
}

void mpf_exc_add_traceback(mpf_obj_t exc, mpf_qstr_t file, uint32_t line, mpf_qstr_t name) {
    if (!mpf_obj_is_exception(exc)) {
        return;
    }
    mpf_exc_t *e = exc;
    if (e->tb_len == e->tb_alloc) {
        /* a traceback is best effort: when memory is short, outer frames are dropped */
        uint16_t n = e->tb_alloc ? (uint16_t)(e->tb_alloc * 2) : 4;
        if (n <= e->tb_alloc) {
            return;
        }
        mpf_tb_entry_t *tb = mpf_alloc_maybe(n * sizeof(*tb));
        if (tb == NULL) {
            return;
        }
        if (e->tb_len) {
            memcpy(tb, e->tb, e->tb_len * sizeof(*tb));
        }
        e->tb = tb;
        e->tb_alloc = n;
    }
    e->tb[e->tb_len].file = file;
    e->tb[e->tb_len].line = line;
    e->tb[e->tb_len].name = name;
    e->tb_len++;
}

void mpf_exc_print_traceback(mpf_print_t *p, mpf_obj_t exc) {
    if (mpf_obj_is_exception(exc)) {
        const mpf_exc_t *e = exc;
        if (e->tb_len) {
            mpf_print_str(p, "Traceback (most recent call last):\n");
            /* entries were added innermost first, as the exception unwound */
            for (size_t i = e->tb_len; i-- > 0;) {
                mpf_printf(p, "  File \"%q\", line %u, in %q\n", e->tb[i].file,
                    (unsigned)e->tb[i].line, e->tb[i].name);
            }
        }
        mpf_printf(p, "%q", e->base.type->name);
        if (((const mpf_tuple_t *)e->args)->len) {
            mpf_print_str(p, ": ");
            mpf_obj_print_to(p, exc, false);
        }
        mpf_print_str(p, "\n");
    } else {
        mpf_obj_print_to(p, exc, true);
        mpf_print_str(p, "\n");
    }
}
