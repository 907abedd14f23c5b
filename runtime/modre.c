/* The `re` module: regular expressions as MicroPython's re has them (literals, '.',
 * classes [...] and \d \w \s with their negations, ^ $, groups (...) and (?:...), |,
 * and * + ? each greedy or not), compiled to a small program that a backtracking
 * matcher runs over the bytes of a str or bytes. As in MicroPython v1.19 (lib/re1.5),
 * there are no counted repeats ('{' and '}' are plain characters) and no flags
 * (compile's flags argument is ignored). */
#include <string.h>

#include "builtins.h"
#include "exc.h"
#include "gc.h"
#include "module.h"
#include "print.h"
#include "vm.h"

#define MAX_GROUPS (10) /* group 0, the whole match, included */

enum { CHAR, ANY, CLASS, ESC, BOL, EOL, JMP, SPLIT, SAVE, MATCH };

/* x and y: jump offsets from this instruction (SPLIT tries x first), the slot of SAVE,
 * the pattern offset of a CLASS's text after '[' */
typedef struct {
    uint8_t op;
    char c;
    int16_t x, y;
} inst_t;

typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t pattern; /* its text is read by CLASS instructions */
    size_t n_groups;   /* group 0 included */
    size_t n_inst;
    inst_t *prog;
} re_t;

typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t subject;
    size_t n_groups;
    mpf_int_t span[2 * MAX_GROUPS]; /* start, end of each group; -1 when it took no part */
} match_t;

static const mpf_type_t re_type, match_type;

/* --- compiling --- */

typedef struct {
    const char *p, *end, *text;
    re_t *re;
    size_t alloc;
} compiler_t;

_Noreturn static void syntax_error(void) {
    mpf_raise_msg(&mpf_type_ValueError, "Error in regex");
}

static size_t emit(compiler_t *c, uint8_t op, char ch, int x, int y) {
    re_t *re = c->re;
    if (re->n_inst == c->alloc) {
        c->alloc *= 2;
        re->prog = mpf_realloc(re->prog, c->alloc * sizeof(inst_t));
    }
    if (x < INT16_MIN || x > INT16_MAX || y < INT16_MIN || y > INT16_MAX) {
        syntax_error(); /* a pattern too long for the program's offsets */
    }
    re->prog[re->n_inst] = (inst_t){op, ch, (int16_t)x, (int16_t)y};
    return re->n_inst++;
}

/* puts an instruction before the code from `at` on (jumps are relative: code moved
 * as a whole stays right) */
static void insert(compiler_t *c, size_t at, uint8_t op, int x, int y) {
    emit(c, op, 0, 0, 0);
    re_t *re = c->re;
    memmove(re->prog + at + 1, re->prog + at, (re->n_inst - 1 - at) * sizeof(inst_t));
    re->prog[at] = (inst_t){op, 0, (int16_t)x, (int16_t)y};
}

static bool at(const compiler_t *c, char ch) {
    return c->p < c->end && *c->p == ch;
}

static void compile_alt(compiler_t *c);

static void compile_atom(compiler_t *c) {
    char ch = *c->p++;
    switch (ch) {
        case '(': {
            size_t group = 0;
            if (c->end - c->p >= 2 && c->p[0] == '?' && c->p[1] == ':') {
                c->p += 2;
            } else {
                if (c->re->n_groups == MAX_GROUPS) {
                    syntax_error();
                }
                group = c->re->n_groups++;
                emit(c, SAVE, 0, (int)(2 * group), 0);
            }
            compile_alt(c);
            if (!at(c, ')')) {
                syntax_error();
            }
            ++c->p;
            if (group) {
                emit(c, SAVE, 0, (int)(2 * group + 1), 0);
            }
            return;
        }
        case '[': {
            size_t start = (size_t)(c->p - c->text);
            if (at(c, '^')) {
                ++c->p;
            }
            /* a ']' first is a member; the class ends at the next unescaped one */
            bool first = true;
            while (c->p < c->end && (first || *c->p != ']')) {
                c->p += *c->p == '\\' ? 2 : 1;
                first = false;
            }
            if (c->p >= c->end) {
                syntax_error();
            }
            ++c->p;
            emit(c, CLASS, 0, (int)start, 0);
            return;
        }
        case '.':
            emit(c, ANY, 0, 0, 0);
            return;
        case '^':
            emit(c, BOL, 0, 0, 0);
            return;
        case '$':
            emit(c, EOL, 0, 0, 0);
            return;
        case '\\':
            if (c->p == c->end) {
                syntax_error();
            }
            ch = *c->p++;
            if (strchr("dDwWsS", ch) != NULL) {
                emit(c, ESC, ch, 0, 0);
                return;
            }
            ch = ch == 'n' ? '\n' : ch == 't' ? '\t' : ch == 'r' ? '\r' : ch;
            break;
        case '*':
        case '+':
        case '?':
        case ')':
            syntax_error();
        default:
            break;
    }
    emit(c, CHAR, ch, 0, 0);
}

static void compile_repeat(compiler_t *c) {
    size_t start = c->re->n_inst;
    compile_atom(c);
    if (!(at(c, '*') || at(c, '+') || at(c, '?'))) {
        return;
    }
    char q = *c->p++;
    bool greedy = true;
    if (at(c, '?')) {
        ++c->p;
        greedy = false;
    }
    int body = (int)(c->re->n_inst - start);
    if (q == '+') {
        /* the atom, then back to it or on */
        emit(c, SPLIT, 0, greedy ? -body : 1, greedy ? 1 : -body);
        return;
    }
    /* '?': try the atom or skip it; '*': the same, looping back after the atom */
    int skip = body + 1 + (q == '*');
    insert(c, start, SPLIT, greedy ? 1 : skip, greedy ? skip : 1);
    if (q == '*') {
        emit(c, JMP, 0, -(body + 1), 0);
    }
}

static void compile_alt(compiler_t *c) {
    size_t start = c->re->n_inst;
    while (c->p < c->end && *c->p != '|' && *c->p != ')') {
        compile_repeat(c);
    }
    if (!at(c, '|')) {
        return;
    }
    ++c->p;
    insert(c, start, SPLIT, 1, 0);
    size_t jmp = emit(c, JMP, 0, 0, 0);
    c->re->prog[start].y = (int16_t)(c->re->n_inst - start);
    compile_alt(c);
    c->re->prog[jmp].x = (int16_t)(c->re->n_inst - jmp);
}

static re_t *compile(mpf_obj_t pattern) {
    if (MPF_OBJ_IS_PTR(pattern) && MPF_OBJ_TYPE_OF_PTR(pattern) == &re_type) {
        return pattern;
    }
    if (!mpf_obj_is_str(pattern)) {
        mpf_raise_msg(&mpf_type_TypeError, "pattern must be str");
    }
    re_t *re = mpf_alloc(sizeof(*re));
    re->base.type = &re_type;
    re->pattern = pattern;
    re->n_groups = 1;
    compiler_t c;
    size_t len;
    c.text = c.p = mpf_obj_str_data(pattern, &len);
    c.end = c.p + len;
    c.re = re;
    c.alloc = 16;
    re->prog = mpf_alloc(c.alloc * sizeof(inst_t));
    emit(&c, SAVE, 0, 0, 0);
    compile_alt(&c);
    if (c.p != c.end) {
        syntax_error(); /* an unmatched ')' */
    }
    emit(&c, SAVE, 0, 1, 0);
    emit(&c, MATCH, 0, 0, 0);
    return re;
}

/* --- matching --- */

static bool esc_match(char e, char ch) {
    bool r;
    switch (e | 0x20) {
        case 'd':
            r = ch >= '0' && ch <= '9';
            break;
        case 's':
            r = ch == ' ' || (ch >= '\t' && ch <= '\r');
            break;
        default: /* w */
            r = (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch == '_';
            break;
    }
    return (e & 0x20) ? r : !r; /* upper case: the complement */
}

/* the next member of a class's text: a char (unescaped), or an \d-like escape in *esc */
static char class_char(const char **p, char *esc) {
    char ch = *(*p)++;
    *esc = 0;
    if (ch == '\\') {
        ch = *(*p)++;
        if (strchr("dDwWsS", ch) != NULL) {
            *esc = ch;
        }
        ch = ch == 'n' ? '\n' : ch == 't' ? '\t' : ch == 'r' ? '\r' : ch;
    }
    return ch;
}

static bool class_match(const char *p, char ch) {
    bool negate = *p == '^', found = false, first = true;
    p += negate;
    while (first || *p != ']') {
        first = false;
        char esc;
        char lo = class_char(&p, &esc);
        if (esc) {
            found |= esc_match(esc, ch);
        } else if (p[0] == '-' && p[1] != ']') {
            ++p;
            char hi = class_char(&p, &esc);
            found |= (unsigned char)ch >= (unsigned char)lo && (unsigned char)ch <= (unsigned char)hi;
        } else {
            found |= ch == lo;
        }
    }
    return found != negate;
}

typedef struct {
    const re_t *re;
    const char *text, *begin, *end;
} run_t;

static bool run(const run_t *r, size_t pc, const char *sp, const char **saved) {
    const inst_t *prog = r->re->prog;
    for (;;) {
        const inst_t *in = &prog[pc];
        switch (in->op) {
            case CHAR:
                if (sp == r->end || *sp != in->c) {
                    return false;
                }
                ++sp;
                break;
            case ANY:
                if (sp == r->end || *sp == '\n') {
                    return false;
                }
                ++sp;
                break;
            case CLASS:
                if (sp == r->end || !class_match(r->text + in->x, *sp)) {
                    return false;
                }
                ++sp;
                break;
            case ESC:
                if (sp == r->end || !esc_match(in->c, *sp)) {
                    return false;
                }
                ++sp;
                break;
            case BOL:
                if (sp != r->begin) {
                    return false;
                }
                break;
            case EOL:
                if (sp != r->end) {
                    return false;
                }
                break;
            case JMP:
                pc = (size_t)((ptrdiff_t)pc + in->x);
                continue;
            case SPLIT: {
                mpf_c_stack_check();
                const char *copy[2 * MAX_GROUPS];
                memcpy(copy, saved, 2 * r->re->n_groups * sizeof(*copy));
                if (run(r, (size_t)((ptrdiff_t)pc + in->x), sp, copy)) {
                    memcpy(saved, copy, 2 * r->re->n_groups * sizeof(*copy));
                    return true;
                }
                pc = (size_t)((ptrdiff_t)pc + in->y);
                continue;
            }
            case SAVE:
                saved[in->x] = sp;
                break;
            default: /* MATCH */
                return true;
        }
        ++pc;
    }
}

static const char *subject_data(mpf_obj_t s, size_t *len) {
    char *data;
    if (mpf_obj_is_str(s)) {
        return mpf_obj_str_data(s, len);
    }
    if (!mpf_get_buffer(s, &data, len)) {
        mpf_raise_msg(&mpf_type_TypeError, "can't match a '%s'", mpf_obj_type_name(s));
    }
    return data;
}

static mpf_obj_t like_subject(mpf_obj_t subject, const char *data, size_t len) {
    return mpf_obj_is_str(subject) ? mpf_obj_new_str(data, len) : mpf_bytes_new(&mpf_type_bytes, data, len);
}

/* the first match starting at `from` or, when searching, after it; NULL for none */
static match_t *match_from(const re_t *re, mpf_obj_t subject, size_t from, bool search) {
    size_t len;
    run_t r;
    r.re = re;
    r.begin = subject_data(subject, &len);
    r.end = r.begin + len;
    r.text = mpf_obj_str_data(re->pattern, &len);
    for (const char *sp = r.begin + from; sp <= r.end; ++sp) {
        const char *saved[2 * MAX_GROUPS] = {NULL};
        if (run(&r, 0, sp, saved)) {
            match_t *m = mpf_alloc(sizeof(*m));
            m->base.type = &match_type;
            m->subject = subject;
            m->n_groups = re->n_groups;
            for (size_t i = 0; i < 2 * re->n_groups; i += 2) {
                bool took_part = saved[i] != NULL && saved[i + 1] != NULL;
                m->span[i] = took_part ? saved[i] - r.begin : -1;
                m->span[i + 1] = took_part ? saved[i + 1] - r.begin : -1;
            }
            return m;
        }
        if (!search) {
            break;
        }
    }
    return NULL;
}

/* --- match objects --- */

static size_t group_index(const match_t *m, size_t n_args, const mpf_obj_t *args) {
    mpf_int_t g = n_args > 1 ? mpf_obj_int_value(args[1]) : 0;
    if (g < 0 || (size_t)g >= m->n_groups) {
        mpf_raise_msg(&mpf_type_IndexError, "no such group");
    }
    return (size_t)g;
}

static mpf_obj_t group_value(const match_t *m, size_t g) {
    if (m->span[2 * g] < 0) {
        return mpf_const_none;
    }
    size_t len;
    const char *s = subject_data(m->subject, &len);
    return like_subject(m->subject, s + m->span[2 * g], (size_t)(m->span[2 * g + 1] - m->span[2 * g]));
}

static mpf_obj_t match_group(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    const match_t *m = args[0];
    if (n_args <= 2) {
        return group_value(m, group_index(m, n_args, args));
    }
    mpf_tuple_t *t = mpf_tuple_new(n_args - 1, NULL);
    for (size_t i = 1; i < n_args; ++i) {
        mpf_obj_t one[2] = {args[0], args[i]};
        t->items[i - 1] = group_value(m, group_index(m, 2, one));
    }
    return t;
}
MPF_BUILTIN_OBJ(group_obj, MP_QSTR_group, match_group);

static mpf_obj_t match_groups(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    const match_t *m = args[0];
    mpf_tuple_t *t = mpf_tuple_new(m->n_groups - 1, NULL);
    for (size_t g = 1; g < m->n_groups; ++g) {
        t->items[g - 1] = group_value(m, g);
    }
    return t;
}
MPF_BUILTIN_OBJ(groups_obj, MP_QSTR_groups, match_groups);

static mpf_obj_t match_start(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    const match_t *m = args[0];
    return MPF_OBJ_NEW_SMALL_INT(m->span[2 * group_index(m, n_args, args)]);
}
MPF_BUILTIN_OBJ(start_obj, MP_QSTR_start, match_start);

static mpf_obj_t match_end(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    const match_t *m = args[0];
    return MPF_OBJ_NEW_SMALL_INT(m->span[2 * group_index(m, n_args, args) + 1]);
}
MPF_BUILTIN_OBJ(end_obj, MP_QSTR_end, match_end);

static mpf_obj_t match_span(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    const match_t *m = args[0];
    size_t g = group_index(m, n_args, args);
    mpf_obj_t span[2] = {MPF_OBJ_NEW_SMALL_INT(m->span[2 * g]), MPF_OBJ_NEW_SMALL_INT(m->span[2 * g + 1])};
    return mpf_tuple_new(2, span);
}
MPF_BUILTIN_OBJ(span_obj, MP_QSTR_span, match_span);

static void match_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_printf(p, "<match num=%u>", (unsigned)((const match_t *)self)->n_groups);
}

static const mpf_method_t match_methods[] = {
    {MP_QSTR_group, &group_obj},
    {MP_QSTR_groups, &groups_obj},
    {MP_QSTR_start, &start_obj},
    {MP_QSTR_end, &end_obj},
    {MP_QSTR_span, &span_obj},
};

static const mpf_type_t match_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_match,
    .print = match_print,
    .methods = match_methods,
    .n_methods = sizeof(match_methods) / sizeof(match_methods[0]),
};

/* --- patterns: methods take the pattern first; the module's functions the same
 * arguments with a pattern text first, compiled each time --- */

static mpf_obj_t or_none(match_t *m) {
    return m != NULL ? (mpf_obj_t)m : mpf_const_none;
}

static mpf_obj_t re_match(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return or_none(match_from(compile(args[0]), args[1], 0, false));
}
MPF_BUILTIN_OBJ(match_obj, MP_QSTR_match, re_match);

static mpf_obj_t re_search(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return or_none(match_from(compile(args[0]), args[1], 0, true));
}
MPF_BUILTIN_OBJ(search_obj, MP_QSTR_search, re_search);

/* the replacement for match m: repl called with it, or repl's text with \N and \g<N>
 * standing for group N */
static void substitute(mpf_print_t *out, mpf_obj_t repl, const match_t *m) {
    char *data;
    size_t len;
    if (!mpf_obj_is_str(repl) && !mpf_get_buffer(repl, &data, &len)) {
        mpf_obj_t arg = (mpf_obj_t)m;
        repl = mpf_call(repl, 1, 0, &arg);
        const char *s = subject_data(repl, &len);
        mpf_print_strn(out, s, len);
        return;
    }
    const char *s = subject_data(repl, &len), *e = s + len;
    while (s < e) {
        if (*s != '\\' || s + 1 == e) {
            mpf_print_strn(out, s++, 1);
            continue;
        }
        ++s;
        size_t g = 0;
        if (*s >= '0' && *s <= '9') {
            g = (size_t)(*s++ - '0');
        } else if (*s == 'g' && s + 1 < e && s[1] == '<') {
            s += 2;
            while (s < e && *s >= '0' && *s <= '9') {
                g = g * 10 + (size_t)(*s++ - '0');
            }
            if (s == e || *s++ != '>') {
                syntax_error();
            }
        } else {
            char ch = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'r' ? '\r' : *s;
            mpf_print_strn(out, "\\", ch == *s && ch != '\\');
            mpf_print_strn(out, &ch, 1);
            ++s;
            continue;
        }
        if (g >= m->n_groups) {
            mpf_raise_msg(&mpf_type_ValueError, "invalid group");
        }
        if (m->span[2 * g] >= 0) {
            size_t n;
            const char *text = subject_data(m->subject, &n);
            mpf_print_strn(out, text + m->span[2 * g], (size_t)(m->span[2 * g + 1] - m->span[2 * g]));
        }
    }
}

/* sub(pattern, repl, string, count=0) and split(pattern, string, maxsplit=0) walk the
 * matches alike: `repl` NULL splits */
static mpf_obj_t walk(const re_t *re, mpf_obj_t repl, mpf_obj_t subject, mpf_int_t limit) {
    size_t len, pos = 0, done = 0;
    const char *text = subject_data(subject, &len);
    mpf_print_t out;
    mpf_print_init_heap(&out);
    mpf_obj_t parts = repl == MPF_OBJ_NULL ? mpf_list_new(0, NULL) : MPF_OBJ_NULL;
    size_t search = 0; /* where the next match may start */
    while (search <= len && (limit <= 0 || done < (size_t)limit)) {
        match_t *m = match_from(re, subject, search, true);
        if (m == NULL) {
            break;
        }
        size_t s = (size_t)m->span[0], e = (size_t)m->span[1];
        if (e == s && repl == MPF_OBJ_NULL) {
            search = s + 1; /* an empty match does not split */
            continue;
        }
        text = subject_data(subject, &len); /* a callable repl may have collected */
        if (repl == MPF_OBJ_NULL) {
            mpf_list_append(parts, like_subject(subject, text + pos, s - pos));
        } else {
            mpf_print_strn(&out, text + pos, s - pos);
            substitute(&out, repl, m);
        }
        ++done;
        pos = e;
        search = e > s ? e : e + 1;
        if (e == s && s < len && repl != MPF_OBJ_NULL) {
            mpf_print_strn(&out, text + s, 1); /* step over the char after an empty match */
            pos = s + 1;
        }
    }
    text = subject_data(subject, &len);
    if (repl == MPF_OBJ_NULL) {
        mpf_list_append(parts, like_subject(subject, text + pos, len - pos));
        return parts;
    }
    mpf_print_strn(&out, text + pos, len - pos);
    return like_subject(subject, out.buf, out.len);
}

static mpf_obj_t re_sub(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args < 3) {
        mpf_raise_msg(&mpf_type_TypeError, "sub(pattern, repl, string, count=0)");
    }
    return walk(compile(args[0]), args[1], args[2], n_args > 3 ? mpf_obj_int_value(args[3]) : 0);
}
MPF_BUILTIN_OBJ(sub_obj, MP_QSTR_sub, re_sub);

static mpf_obj_t re_split(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args < 2) {
        mpf_raise_msg(&mpf_type_TypeError, "split(pattern, string, maxsplit=0)");
    }
    return walk(compile(args[0]), MPF_OBJ_NULL, args[1], n_args > 2 ? mpf_obj_int_value(args[2]) : 0);
}
MPF_BUILTIN_OBJ(split_obj, MP_QSTR_split, re_split);

static mpf_obj_t re_compile(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args < 1) {
        mpf_raise_msg(&mpf_type_TypeError, "compile(pattern, flags=0)");
    }
    return compile(args[0]);
}
MPF_BUILTIN_OBJ(compile_obj, MP_QSTR_compile, re_compile);

static const mpf_method_t re_methods[] = {
    {MP_QSTR_match, &match_obj},
    {MP_QSTR_search, &search_obj},
    {MP_QSTR_sub, &sub_obj},
    {MP_QSTR_split, &split_obj},
};

static const mpf_type_t re_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_ure,
    .methods = re_methods,
    .n_methods = sizeof(re_methods) / sizeof(re_methods[0]),
};

static const mpf_builtin_entry_t re_table[] = {
    {MP_QSTR_compile, &compile_obj},
    {MP_QSTR_match, &match_obj},
    {MP_QSTR_search, &search_obj},
    {MP_QSTR_sub, &sub_obj},
    {MP_QSTR_split, &split_obj},
    {MP_QSTR_DEBUG, MPF_OBJ_NEW_SMALL_INT(4096)},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_re, MP_QSTR_re, re_table);
