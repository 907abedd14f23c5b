/* The `time` module as MicroPython has it: sleeps, and tick counters that wrap around.
 *
 * Ticks are the port's microsecond count (mpf_port_time_us) reduced to the ticks period,
 * MicroPython's: one more than the largest small int (2**30 on 32-bit boards, 2**62 on
 * 64-bit unix), so a tick is always a small int and ticks_diff works across the wrap. */
#include "builtins.h"
#include "exc.h"
#include "module.h"
#include "objfloat.h"
#include "mpf.h"

#define TICKS_PERIOD ((uint64_t)MPF_SMALL_INT_MAX + 1u)

static mpf_obj_t ticks(uint64_t count) {
    return MPF_OBJ_NEW_SMALL_INT((mpf_int_t)(count & (TICKS_PERIOD - 1u)));
}

static void check_args(size_t n_args, size_t n_kw, size_t want, const char *name) {
    if (n_kw != 0 || n_args != want) {
        mpf_raise_msg(&mpf_type_TypeError, "%s takes %d positional arguments but %d were given", name,
            (int)want, (int)n_args);
    }
}

/* Waits `count` units of `unit_us` microseconds, in steps a 32-bit count of
 * microseconds holds, so the longest sleep an int can ask for is honoured. */
static void delay(mpf_int_t count, uint32_t unit_us) {
    const mpf_int_t step = 1000000 / unit_us;
    while (count > 0) {
        mpf_int_t n = count < step ? count : step;
        mpf_port_delay_us((uint32_t)n * unit_us);
        count -= n;
    }
}

static mpf_obj_t time_sleep(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    check_args(n_args, n_kw, 1, "sleep");
#if MPF_FEATURE_FLOAT
    mpf_float_t seconds;
    if (!mpf_obj_is_int(args[0]) && mpf_obj_get_float_maybe(args[0], &seconds)) {
        /* whole milliseconds, then the microseconds left */
        mpf_float_t ms = seconds * 1000;
        delay((mpf_int_t)ms, 1000);
        delay((mpf_int_t)((ms - (mpf_int_t)ms) * 1000), 1);
        return mpf_const_none;
    }
#endif
    delay(mpf_obj_get_int(args[0]), 1000000);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(sleep_obj, MP_QSTR_sleep, time_sleep);

static mpf_obj_t time_sleep_ms(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    check_args(n_args, n_kw, 1, "sleep_ms");
    delay(mpf_obj_get_int(args[0]), 1000);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(sleep_ms_obj, MP_QSTR_sleep_ms, time_sleep_ms);

static mpf_obj_t time_sleep_us(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    check_args(n_args, n_kw, 1, "sleep_us");
    delay(mpf_obj_get_int(args[0]), 1);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(sleep_us_obj, MP_QSTR_sleep_us, time_sleep_us);

static mpf_obj_t time_ticks_ms(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)args;
    check_args(n_args, n_kw, 0, "ticks_ms");
    return ticks(mpf_port_time_us() / 1000u);
}
MPF_BUILTIN_OBJ(ticks_ms_obj, MP_QSTR_ticks_ms, time_ticks_ms);

static mpf_obj_t time_ticks_us(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)args;
    check_args(n_args, n_kw, 0, "ticks_us");
    return ticks(mpf_port_time_us());
}
MPF_BUILTIN_OBJ(ticks_us_obj, MP_QSTR_ticks_us, time_ticks_us);

/* the signed distance from start to end, taking the shorter way round the period */
static mpf_obj_t time_ticks_diff(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    check_args(n_args, n_kw, 2, "ticks_diff");
    uint64_t end = (uint64_t)mpf_obj_get_int(args[0]);
    uint64_t start = (uint64_t)mpf_obj_get_int(args[1]);
    uint64_t shifted = (end - start + TICKS_PERIOD / 2u) & (TICKS_PERIOD - 1u);
    return MPF_OBJ_NEW_SMALL_INT((mpf_int_t)shifted - (mpf_int_t)(TICKS_PERIOD / 2u));
}
MPF_BUILTIN_OBJ(ticks_diff_obj, MP_QSTR_ticks_diff, time_ticks_diff);

static mpf_obj_t time_ticks_add(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    check_args(n_args, n_kw, 2, "ticks_add");
    uint64_t t = (uint64_t)mpf_obj_get_int(args[0]);
    return ticks(t + (uint64_t)mpf_obj_get_int(args[1]));
}
MPF_BUILTIN_OBJ(ticks_add_obj, MP_QSTR_ticks_add, time_ticks_add);

/* with no wall clock, the seconds since reset: what a board whose real-time clock was
 * never set counts from MicroPython's epoch */
static mpf_obj_t time_time(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)args;
    check_args(n_args, n_kw, 0, "time");
#if MPF_FEATURE_RTC
    return MPF_OBJ_NEW_SMALL_INT((mpf_int_t)mpf_port_time_s());
#else
    return MPF_OBJ_NEW_SMALL_INT((mpf_int_t)(mpf_port_time_us() / 1000000u));
#endif
}
MPF_BUILTIN_OBJ(time_obj, MP_QSTR_time, time_time);

/* The epoch time() counts from: the host's (1970) where there is a wall clock, else
 * MicroPython's (2000) on a board whose clock started at reset. */
#if MPF_FEATURE_RTC
#define EPOCH_DAYS_AFTER_1970 (0)
#else
#define EPOCH_DAYS_AFTER_1970 (10957)
#endif

/* localtime([secs]) and gmtime([secs]): (year, month, mday, hour, minute, second,
 * weekday from Monday = 0, yearday from 1), in UTC: the boards know no time zone */
static mpf_obj_t time_localtime(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_kw != 0 || n_args > 1) {
        mpf_raise_msg(&mpf_type_TypeError, "localtime takes at most 1 argument");
    }
    mpf_int_t secs = n_args && args[0] != mpf_const_none ? mpf_obj_get_int(args[0])
                                                         : mpf_obj_get_int(time_time(0, 0, NULL));
    mpf_int_t days = secs / 86400, rem = secs % 86400;
    if (rem < 0) {
        rem += 86400;
        days -= 1;
    }
    days += EPOCH_DAYS_AFTER_1970;
    /* the civil date of a day count from 1970-01-01, over 400-year eras of 146097 days
     * counted from 0000-03-01, so that the leap day ends each era's years */
    mpf_int_t z = days + 719468;
    mpf_int_t era = (z >= 0 ? z : z - 146096) / 146097;
    mpf_int_t doe = z - era * 146097;
    mpf_int_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    mpf_int_t doy_mar = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mpf_int_t mp = (5 * doy_mar + 2) / 153;
    mpf_int_t mday = doy_mar - (153 * mp + 2) / 5 + 1;
    mpf_int_t month = mp < 10 ? mp + 3 : mp - 9;
    mpf_int_t year = yoe + era * 400 + (month <= 2);
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static const uint16_t before_month[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    mpf_int_t yday = before_month[month - 1] + mday + (leap && month > 2);
    mpf_int_t wday = ((days % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday */
    mpf_obj_t items[8] = {
        MPF_OBJ_NEW_SMALL_INT(year), MPF_OBJ_NEW_SMALL_INT(month), MPF_OBJ_NEW_SMALL_INT(mday),
        MPF_OBJ_NEW_SMALL_INT(rem / 3600), MPF_OBJ_NEW_SMALL_INT(rem / 60 % 60),
        MPF_OBJ_NEW_SMALL_INT(rem % 60), MPF_OBJ_NEW_SMALL_INT(wday), MPF_OBJ_NEW_SMALL_INT(yday),
    };
    return mpf_tuple_new(8, items);
}
MPF_BUILTIN_OBJ(localtime_obj, MP_QSTR_localtime, time_localtime);
MPF_BUILTIN_OBJ(gmtime_obj, MP_QSTR_gmtime, time_localtime);

static const mpf_builtin_entry_t time_table[] = {
    {MP_QSTR_sleep, &sleep_obj},
    {MP_QSTR_sleep_ms, &sleep_ms_obj},
    {MP_QSTR_sleep_us, &sleep_us_obj},
    {MP_QSTR_ticks_ms, &ticks_ms_obj},
    {MP_QSTR_ticks_us, &ticks_us_obj},
    {MP_QSTR_ticks_diff, &ticks_diff_obj},
    {MP_QSTR_ticks_add, &ticks_add_obj},
    {MP_QSTR_time, &time_obj},
    {MP_QSTR_localtime, &localtime_obj},
    {MP_QSTR_gmtime, &gmtime_obj},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_time, MP_QSTR_time, time_table);
