/* The `machine` module of a board: Pin, freq() and reset(), over the port's pin driver
 * (mpf.h). Only with MPF_FEATURE_MACHINE.
 *
 * Pins are named as the board's YAML files say (rendered into genhdr/mpconfigboard.h):
 *   MPF_PIN_COUNT          pins are numbered 0 .. MPF_PIN_COUNT-1
 *   MPF_PIN_PORT_LETTERS   the MCU's GPIO ports by letter ("ABCDH"): Pin("A13") and
 *                          Pin(("A", 13)) are pin 16 * 0 + 13; without it, Pin(13) is 13
 *   MPF_BOARD_PINS(X)      X("NAME", number) for each name the board gives a pin (LED, X1)
 */
#include "mpfconfig.h"

#if MPF_FEATURE_MACHINE

#include <string.h>

#include "builtins.h"
#include "exc.h"
#include "gc.h"
#include "module.h"
#include "mpf.h"
#include "print.h"

#ifndef MPF_BOARD_PINS
#define MPF_BOARD_PINS(X)
#endif

typedef struct {
    mpf_obj_base_t base;
    uint32_t pin;
} pin_obj_t;

static const mpf_type_t pin_type;

typedef struct {
    const char *name;
    uint32_t pin;
} board_pin_t;

#define BOARD_PIN_ENTRY(name, pin) {name, pin},
static const board_pin_t board_pins[] = {MPF_BOARD_PINS(BOARD_PIN_ENTRY){NULL, 0}};

static _Noreturn void invalid_pin(mpf_obj_t id) {
    mpf_raise_msg(&mpf_type_ValueError, "Pin(%R) doesn't exist", id);
}

#if defined(MPF_PIN_PORT_LETTERS)
/* port letter and bit to a pin number; MPF_PIN_COUNT when the MCU has no such pin */
static uint32_t port_pin(char letter, mpf_int_t bit) {
    if (letter < 'A' || letter > 'Z' || strchr(MPF_PIN_PORT_LETTERS, letter) == NULL || bit < 0 ||
        bit > 15) {
        return MPF_PIN_COUNT;
    }
    return 16u * (uint32_t)(letter - 'A') + (uint32_t)bit;
}
#endif

/* a pin number from what Pin() was given: a Pin, a board name, or the MCU's naming */
static uint32_t pin_number(mpf_obj_t id) {
    uint32_t pin = MPF_PIN_COUNT;
    if (mpf_obj_get_type(id) == &pin_type) {
        return ((const pin_obj_t *)id)->pin;
    }
    if (mpf_obj_is_str(id)) {
        size_t len;
        const char *s = mpf_obj_str_data(id, &len);
        for (const board_pin_t *b = board_pins; b->name != NULL; ++b) {
            if (strlen(b->name) == len && memcmp(b->name, s, len) == 0) {
                return b->pin;
            }
        }
#if defined(MPF_PIN_PORT_LETTERS)
        /* "A13": a port letter, then the bit in one or two digits */
        if ((len == 2 || len == 3) && s[1] >= '0' && s[1] <= '9' &&
            (len == 2 || (s[2] >= '0' && s[2] <= '9' && s[1] != '0'))) {
            pin = port_pin(s[0], len == 2 ? s[1] - '0' : 10 * (s[1] - '0') + (s[2] - '0'));
        }
#endif
    } else {
        size_t n;
        mpf_obj_t *items;
#if defined(MPF_PIN_PORT_LETTERS)
        if (mpf_obj_get_array(id, &n, &items) && n == 2 && mpf_obj_is_str(items[0]) &&
            mpf_obj_is_int(items[1])) {
            size_t len;
            const char *letter = mpf_obj_str_data(items[0], &len);
            if (len == 1) {
                pin = port_pin(letter[0], mpf_obj_int_value(items[1]));
            }
        }
#else
        (void)n;
        (void)items;
        if (mpf_obj_is_int(id) && mpf_obj_int_value(id) >= 0 && mpf_obj_int_value(id) < MPF_PIN_COUNT) {
            pin = (uint32_t)mpf_obj_int_value(id);
        }
#endif
    }
    if (pin >= MPF_PIN_COUNT || !mpf_port_pin_valid(pin)) {
        invalid_pin(id);
    }
    return pin;
}

static void pin_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    uint32_t pin = ((const pin_obj_t *)self)->pin;
#if defined(MPF_PIN_PORT_LETTERS)
    mpf_printf(p, "Pin(%s%u)", (char[]){(char)('A' + pin / 16u), '\0'}, (unsigned)(pin % 16u));
#else
    mpf_printf(p, "Pin(%u)", (unsigned)pin);
#endif
}

static int mode_arg(mpf_obj_t o) {
    mpf_int_t mode = mpf_obj_get_int(o);
    if (mode != MPF_PIN_IN && mode != MPF_PIN_OUT && mode != MPF_PIN_OPEN_DRAIN) {
        mpf_raise_msg(&mpf_type_ValueError, "invalid pin mode: %d", (int)mode);
    }
    return (int)mode;
}

static int pull_arg(mpf_obj_t o) {
    if (o == mpf_const_none) {
        return MPF_PIN_PULL_NONE;
    }
    mpf_int_t pull = mpf_obj_get_int(o);
    if (pull != MPF_PIN_PULL_NONE && pull != MPF_PIN_PULL_UP && pull != MPF_PIN_PULL_DOWN) {
        mpf_raise_msg(&mpf_type_ValueError, "invalid pin pull: %d", (int)pull);
    }
    return (int)pull;
}

/* mode, pull and value from positional arguments then keywords (as Pin's after the id):
 * with none of them the pin is left as it is; an output's value is set before it
 * starts driving */
static void pin_configure(const pin_obj_t *self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args > 2) {
        mpf_raise_msg(&mpf_type_TypeError, "Pin takes at most 3 positional arguments");
    }
    mpf_obj_t given[3] = {n_args > 0 ? args[0] : MPF_OBJ_NULL, n_args > 1 ? args[1] : MPF_OBJ_NULL,
        MPF_OBJ_NULL}; /* mode, pull, value */
    static const mpf_qstr_t keywords[3] = {MP_QSTR_mode, MP_QSTR_pull, MP_QSTR_value};
    for (size_t i = 0; i < n_kw; ++i) {
        mpf_qstr_t name = MPF_OBJ_QSTR_VALUE(args[n_args + 2 * i]);
        size_t k = 0;
        while (k < 3 && keywords[k] != name) {
            ++k;
        }
        if (k == 3 || given[k] != MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_TypeError, k == 3 ? "unexpected keyword argument '%q'"
                                                      : "argument '%q' given twice", name);
        }
        given[k] = args[n_args + 2 * i + 1];
    }
    if (given[2] != MPF_OBJ_NULL && given[2] != mpf_const_none) {
        mpf_port_pin_write(self->pin, mpf_obj_is_true(given[2]));
    }
    if (given[0] != MPF_OBJ_NULL || given[1] != MPF_OBJ_NULL) {
        int mode = given[0] != MPF_OBJ_NULL ? mode_arg(given[0]) : MPF_PIN_IN;
        int pull = given[1] != MPF_OBJ_NULL ? pull_arg(given[1]) : MPF_PIN_PULL_NONE;
        if (!mpf_port_pin_config(self->pin, mode, pull)) {
            mpf_raise_msg(&mpf_type_ValueError, "%R can't take that mode and pull", (mpf_obj_t)self);
        }
    }
}

/* Pin(id, mode=-1, pull=-1, *, value=None) */
static mpf_obj_t pin_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    if (n_args < 1) {
        mpf_raise_msg(&mpf_type_TypeError, "Pin takes a pin id");
    }
    pin_obj_t *self = mpf_alloc(sizeof(*self));
    self->base.type = &pin_type;
    self->pin = pin_number(args[0]);
    pin_configure(self, n_args - 1, n_kw, args + 1);
    return self;
}

/* pin.init(mode=-1, pull=-1, *, value=None): as Pin() configures */
static mpf_obj_t pin_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    pin_configure(args[0], n_args - 1, n_kw, args + 1);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(pin_init_obj, MP_QSTR_init, pin_init);

/* pin() reads the pin, pin(v) drives it: as pin.value() */
static mpf_obj_t pin_value(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_kw != 0 || n_args > 2) {
        mpf_raise_msg(&mpf_type_TypeError, "value takes at most 1 argument");
    }
    const pin_obj_t *self = args[0];
    if (n_args == 1) {
        return MPF_OBJ_NEW_SMALL_INT(mpf_port_pin_read(self->pin));
    }
    mpf_port_pin_write(self->pin, mpf_obj_is_true(args[1]));
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(pin_value_obj, MP_QSTR_value, pin_value);

static mpf_obj_t pin_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t all[2] = {self, n_args > 0 ? args[0] : MPF_OBJ_NULL};
    if (n_args > 1) {
        mpf_raise_msg(&mpf_type_TypeError, "Pin takes at most 1 argument when called");
    }
    return pin_value(1 + n_args, n_kw, all);
}

static mpf_obj_t pin_on(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t all[2] = {args[0], mpf_const_true};
    return pin_value(n_args + 1, n_kw, all);
}
MPF_BUILTIN_OBJ(pin_on_obj, MP_QSTR_on, pin_on);

static mpf_obj_t pin_off(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t all[2] = {args[0], mpf_const_false};
    return pin_value(n_args + 1, n_kw, all);
}
MPF_BUILTIN_OBJ(pin_off_obj, MP_QSTR_off, pin_off);

static const mpf_method_t pin_methods[] = {
    {MP_QSTR_init, &pin_init_obj},
    {MP_QSTR_value, &pin_value_obj},
    {MP_QSTR_on, &pin_on_obj},
    {MP_QSTR_off, &pin_off_obj},
};

/* the constants, on the class and on its instances */
static mpf_obj_t pin_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t value) {
    (void)self;
    static const struct {
        mpf_qstr_t name;
        int value;
    } constants[] = {
        {MP_QSTR_IN, MPF_PIN_IN},
        {MP_QSTR_OUT, MPF_PIN_OUT},
        {MP_QSTR_OPEN_DRAIN, MPF_PIN_OPEN_DRAIN},
        {MP_QSTR_PULL_NONE, MPF_PIN_PULL_NONE},
        {MP_QSTR_PULL_UP, MPF_PIN_PULL_UP},
        {MP_QSTR_PULL_DOWN, MPF_PIN_PULL_DOWN},
    };
    if (value != MPF_ATTR_LOAD) {
        return MPF_OBJ_NULL;
    }
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; ++i) {
        if (constants[i].name == attr) {
            return MPF_OBJ_NEW_SMALL_INT(constants[i].value);
        }
    }
    return MPF_OBJ_NULL;
}

static const mpf_type_t pin_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_Pin,
    .print = pin_print,
    .call = pin_call,
    .methods = pin_methods,
    .n_methods = sizeof pin_methods / sizeof pin_methods[0],
    .make_new = pin_make_new,
    .attr = pin_attr,
    .flags = MPF_TYPE_FLAG_CLASS_ATTRS,
};

static mpf_obj_t machine_freq(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)args;
    if (n_args != 0 || n_kw != 0) {
        mpf_raise_msg(&mpf_type_ValueError, "this port keeps the clock its start-up set");
    }
    return MPF_OBJ_NEW_SMALL_INT(mpf_port_freq());
}
MPF_BUILTIN_OBJ(freq_obj, MP_QSTR_freq, machine_freq);

static mpf_obj_t machine_reset(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    mpf_port_reset();
}
MPF_BUILTIN_OBJ(reset_obj, MP_QSTR_reset, machine_reset);

static const mpf_builtin_entry_t machine_table[] = {
    {MP_QSTR_Pin, &pin_type},
    {MP_QSTR_freq, &freq_obj},
    {MP_QSTR_reset, &reset_obj},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_machine, MP_QSTR_machine, machine_table);

#endif /* MPF_FEATURE_MACHINE */
