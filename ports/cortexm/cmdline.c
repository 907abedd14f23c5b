/* Which frozen module to run: the semihosting command line's last word (QEMU's
 * `-semihosting-config arg=NAME`), so one firmware can hold a whole test suite. */
#include <string.h>

#include "cortexm.h"
#include "genhdr/mpconfigboard.h"

/* Without `arg=`, QEMU passes the kernel's path instead, which is no module name and
 * means main. */
const char *cortexm_module_to_run(char *buf, size_t size) {
#if MPF_FEATURE_SEMIHOSTING
    int len = semihosting_cmdline(buf, size);
    if (len <= 0 || (size_t)len >= size) {
        return "main";
    }
    buf[len] = '\0';
    while (len > 0 && buf[len - 1] == ' ') {
        buf[--len] = '\0';
    }
    char *word = strrchr(buf, ' ');
    word = word ? word + 1 : buf;
    if (*word == '\0' || (*word >= '0' && *word <= '9')) {
        return "main";
    }
    for (const char *p = word; *p; p++) {
        /* dotted names are frozen package modules (pkg.sub) */
        int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                 (*p >= '0' && *p <= '9') || *p == '_' || *p == '.';
        if (!ok) {
            return "main";
        }
    }
    return word;
#else
    (void)buf;
    (void)size;
    return "main";
#endif
}
