/* The `io` module: StringIO and BytesIO, in-memory streams over a growing buffer;
 * files from open(), over the port's filesystem (mpf.h); and writing to any stream
 * object (print(file=...), sys.print_exception). */
#include <string.h>

#include "builtins.h"
#include "exc.h"
#include "gc.h"
#include "module.h"
#include "mpf.h"
#include "print.h"
#include "qstr.h"

typedef struct {
    mpf_obj_base_t base;
    char *buf;
    size_t len, alloc, pos;
    bool closed;
} memio_t;

static const mpf_type_t stringio_type, bytesio_type;

static memio_t *as_memio(mpf_obj_t o) {
    memio_t *m = o;
    if (m->closed) {
        mpf_raise_msg(&mpf_type_ValueError, "I/O operation on closed file");
    }
    return m;
}

static bool is_text(const memio_t *m) {
    return m->base.type == &stringio_type;
}

/* the text or bytes a stream of m's kind takes; TypeError for anything else */
static const char *data_of(const memio_t *m, mpf_obj_t o, size_t *len) {
    if (is_text(m) && mpf_obj_is_str(o)) {
        return mpf_obj_str_data(o, len);
    }
    char *data;
    if (!is_text(m) && mpf_get_buffer(o, &data, len)) {
        return data;
    }
    mpf_raise_msg(&mpf_type_TypeError, "object with buffer protocol required");
}

static mpf_obj_t new_result(const memio_t *m, const char *data, size_t len) {
    return is_text(m) ? mpf_obj_new_str(data, len) : mpf_bytes_new(&mpf_type_bytes, data, len);
}

/* writes at the position, overwriting and growing (a gap left by seek reads as zeros) */
static void memio_put(memio_t *m, const char *s, size_t n) {
    size_t end = m->pos + n;
    if (end > m->alloc) {
        size_t alloc = m->alloc ? m->alloc : 16;
        while (alloc < end) {
            alloc *= 2;
        }
        m->buf = mpf_realloc(m->buf, alloc);
        memset(m->buf + m->alloc, 0, alloc - m->alloc);
        m->alloc = alloc;
    }
    memcpy(m->buf + m->pos, s, n);
    m->pos = end;
    if (end > m->len) {
        m->len = end;
    }
}

static mpf_obj_t memio_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args > 1 || n_kw != 0) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes at most 1 argument");
    }
    memio_t *m = mpf_alloc(sizeof(*m));
    m->base.type = type;
    if (n_args == 1 && !mpf_obj_is_int(args[0])) {
        size_t len;
        const char *s = data_of(m, args[0], &len);
        memio_put(m, s, len);
        m->pos = 0;
    }
    return m;
}

static mpf_obj_t memio_write(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    memio_t *m = as_memio(args[0]);
    size_t len;
    const char *s = data_of(m, args[1], &len);
    memio_put(m, s, len);
    return MPF_OBJ_NEW_SMALL_INT(len);
}
MPF_BUILTIN_OBJ(write_obj, MP_QSTR_write, memio_write);

static mpf_obj_t memio_read(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    memio_t *m = as_memio(args[0]);
    size_t left = m->pos < m->len ? m->len - m->pos : 0;
    size_t n = left;
    if (n_args > 1 && args[1] != mpf_const_none) {
        mpf_int_t want = mpf_obj_int_value(args[1]);
        if (want >= 0 && (size_t)want < left) {
            n = (size_t)want;
        }
    }
    mpf_obj_t r = new_result(m, m->buf + m->pos, n);
    m->pos += n;
    return r;
}
MPF_BUILTIN_OBJ(read_obj, MP_QSTR_read, memio_read);

static mpf_obj_t memio_readline(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    memio_t *m = as_memio(args[0]);
    size_t start = m->pos < m->len ? m->pos : m->len, end = start;
    while (end < m->len && m->buf[end++] != '\n') {
    }
    m->pos = end;
    return new_result(m, m->buf + start, end - start);
}
MPF_BUILTIN_OBJ(readline_obj, MP_QSTR_readline, memio_readline);

static mpf_obj_t memio_getvalue(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    memio_t *m = as_memio(args[0]);
    return new_result(m, m->buf, m->len);
}
MPF_BUILTIN_OBJ(getvalue_obj, MP_QSTR_getvalue, memio_getvalue);

/* seek(offset, whence=0): from the start, the position (1) or the end (2) */
static mpf_obj_t memio_seek(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    memio_t *m = as_memio(args[0]);
    mpf_int_t off = n_args > 1 ? mpf_obj_int_value(args[1]) : 0;
    mpf_int_t whence = n_args > 2 ? mpf_obj_int_value(args[2]) : 0;
    mpf_int_t base = whence == 1 ? (mpf_int_t)m->pos : whence == 2 ? (mpf_int_t)m->len : 0;
    if (base + off < 0) {
        mpf_raise_msg(&mpf_type_OSError, "negative seek position");
    }
    m->pos = (size_t)(base + off);
    return MPF_OBJ_NEW_SMALL_INT(m->pos);
}
MPF_BUILTIN_OBJ(seek_obj, MP_QSTR_seek, memio_seek);

static mpf_obj_t memio_tell(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return MPF_OBJ_NEW_SMALL_INT(as_memio(args[0])->pos);
}
MPF_BUILTIN_OBJ(tell_obj, MP_QSTR_tell, memio_tell);

static mpf_obj_t memio_flush(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    as_memio(args[0]);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(flush_obj, MP_QSTR_flush, memio_flush);

static mpf_obj_t memio_close(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    memio_t *m = args[0];
    m->closed = true;
    m->buf = NULL;
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(close_obj, MP_QSTR_close, memio_close);
MPF_BUILTIN_OBJ(exit_obj, MP_QSTR___exit__, memio_close);

static mpf_obj_t memio_enter(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return args[0];
}
MPF_BUILTIN_OBJ(enter_obj, MP_QSTR___enter__, memio_enter);

static const mpf_method_t memio_methods[] = {
    {MP_QSTR_write, &write_obj},
    {MP_QSTR_read, &read_obj},
    {MP_QSTR_readline, &readline_obj},
    {MP_QSTR_getvalue, &getvalue_obj},
    {MP_QSTR_seek, &seek_obj},
    {MP_QSTR_tell, &tell_obj},
    {MP_QSTR_flush, &flush_obj},
    {MP_QSTR_close, &close_obj},
    {MP_QSTR___enter__, &enter_obj},
    {MP_QSTR___exit__, &exit_obj},
};

static const mpf_type_t stringio_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_StringIO,
    .methods = memio_methods,
    .n_methods = sizeof(memio_methods) / sizeof(memio_methods[0]),
    .make_new = memio_make_new,
};

static const mpf_type_t bytesio_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_BytesIO,
    .methods = memio_methods,
    .n_methods = sizeof(memio_methods) / sizeof(memio_methods[0]),
    .make_new = memio_make_new,
};

/* --- files --- */

typedef struct {
    mpf_obj_base_t base;
    void *handle; /* NULL once closed */
} file_t;

static const mpf_type_t textio_type, fileio_type;

static file_t *as_file(mpf_obj_t o) {
    file_t *f = o;
    if (f->handle == NULL) {
        mpf_raise_msg(&mpf_type_ValueError, "I/O operation on closed file");
    }
    return f;
}

static mpf_obj_t file_result(const file_t *f, const char *data, size_t len) {
    return f->base.type == &textio_type ? mpf_obj_new_str(data, len) : mpf_bytes_new(&mpf_type_bytes, data, len);
}

/* read([n]): n bytes, or all that is left */
static mpf_obj_t file_read(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    file_t *f = as_file(args[0]);
    mpf_int_t want = n_args > 1 && args[1] != mpf_const_none ? mpf_obj_int_value(args[1]) : -1;
    mpf_print_t p;
    mpf_print_init_heap(&p);
    for (;;) {
        char chunk[128];
        size_t room = want < 0 || (size_t)want - p.len > sizeof chunk ? sizeof chunk : (size_t)want - p.len, got;
        if (room == 0) {
            break;
        }
        mpf_raise_os_error(mpf_port_file_read(f->handle, chunk, room, &got));
        if (got == 0) {
            break;
        }
        mpf_print_strn(&p, chunk, got);
    }
    return file_result(f, p.buf, p.len);
}
MPF_BUILTIN_OBJ(file_read_obj, MP_QSTR_read, file_read);

static mpf_obj_t file_readline(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    file_t *f = as_file(args[0]);
    mpf_print_t p;
    mpf_print_init_heap(&p);
    char c = 0;
    size_t got = 1;
    while (c != '\n') {
        mpf_raise_os_error(mpf_port_file_read(f->handle, &c, 1, &got));
        if (got == 0) {
            break;
        }
        mpf_print_strn(&p, &c, 1);
    }
    return file_result(f, p.buf, p.len);
}
MPF_BUILTIN_OBJ(file_readline_obj, MP_QSTR_readline, file_readline);

static mpf_obj_t file_write(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    file_t *f = as_file(args[0]);
    size_t len;
    char *data;
    const char *s;
    if (f->base.type == &textio_type && mpf_obj_is_str(args[1])) {
        s = mpf_obj_str_data(args[1], &len);
    } else if (f->base.type == &fileio_type && mpf_get_buffer(args[1], &data, &len)) {
        s = data;
    } else {
        mpf_raise_msg(&mpf_type_TypeError, "object with buffer protocol required");
    }
    mpf_raise_os_error(mpf_port_file_write(f->handle, s, len));
    return MPF_OBJ_NEW_SMALL_INT(len);
}
MPF_BUILTIN_OBJ(file_write_obj, MP_QSTR_write, file_write);

static mpf_obj_t file_close(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    file_t *f = args[0];
    if (f->handle != NULL) {
        void *h = f->handle;
        f->handle = NULL;
        mpf_raise_os_error(mpf_port_file_close(h));
    }
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(file_close_obj, MP_QSTR_close, file_close);
MPF_BUILTIN_OBJ(file_exit_obj, MP_QSTR___exit__, file_close);

static const mpf_method_t file_methods[] = {
    {MP_QSTR_read, &file_read_obj},
    {MP_QSTR_readline, &file_readline_obj},
    {MP_QSTR_write, &file_write_obj},
    {MP_QSTR_close, &file_close_obj},
    {MP_QSTR___enter__, &enter_obj},
    {MP_QSTR___exit__, &file_exit_obj},
};

static const mpf_type_t textio_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_TextIOWrapper,
    .methods = file_methods,
    .n_methods = sizeof(file_methods) / sizeof(file_methods[0]),
};

static const mpf_type_t fileio_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_FileIO,
    .methods = file_methods,
    .n_methods = sizeof(file_methods) / sizeof(file_methods[0]),
};

/* open(path, mode='r'): a text file, or a binary one when mode has 'b' */
static mpf_obj_t io_open(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args < 1 || n_args > 2 || n_kw > 1) {
        mpf_raise_msg(&mpf_type_TypeError, "open(path, mode='r')");
    }
    mpf_obj_t mode_obj = n_args > 1 ? args[1] : n_kw ? args[2] : MPF_OBJ_NEW_QSTR(MP_QSTR_r);
    const char *mode = mpf_path_arg(mode_obj);
    file_t *f = mpf_alloc(sizeof(*f));
    f->base.type = strchr(mode, 'b') != NULL ? &fileio_type : &textio_type;
    mpf_raise_os_error(mpf_port_file_open(mpf_path_arg(args[0]), mode, &f->handle));
    return f;
}
const mpf_builtin_t mpf_builtin_open_obj = {{&mpf_type_builtin}, MP_QSTR_open, io_open};

void mpf_stream_write(mpf_obj_t stream, const char *s, size_t n) {
    if (MPF_OBJ_IS_PTR(stream) && MPF_OBJ_TYPE_OF_PTR(stream) == &stringio_type) {
        memio_put(as_memio(stream), s, n);
        return;
    }
    mpf_obj_t method[3];
    mpf_load_method(stream, MP_QSTR_write, method);
    method[2] = mpf_obj_new_str(s, n);
    if (method[1] == MPF_OBJ_NULL) {
        mpf_call(method[0], 1, 0, &method[2]);
    } else {
        mpf_call(method[0], 2, 0, &method[1]);
    }
}

static const mpf_builtin_entry_t io_table[] = {
    {MP_QSTR_StringIO, &stringio_type},
    {MP_QSTR_BytesIO, &bytesio_type},
    {MP_QSTR_open, &mpf_builtin_open_obj},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_io, MP_QSTR_io, io_table);
