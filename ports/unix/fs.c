/* The unix port's filesystem for os and open(): the host's, through POSIX. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mpf.h"

int mpf_port_getcwd(char *buf, size_t size) {
    return getcwd(buf, size) != NULL ? 0 : errno;
}

int mpf_port_listdir(const char *path, void (*each)(void *ctx, const char *name), void *ctx) {
    DIR *d = opendir(path);
    if (d == NULL) {
        return errno;
    }
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            each(ctx, e->d_name);
        }
    }
    closedir(d);
    return 0;
}

int mpf_port_stat(const char *path, mpf_port_stat_t *st) {
    struct stat s;
    if (stat(path, &s) != 0) {
        return errno;
    }
    st->mode = (uint32_t)s.st_mode;
    st->size = (uint64_t)s.st_size;
    st->mtime = (int64_t)s.st_mtime;
    return 0;
}

int mpf_port_file_open(const char *path, const char *mode, void **file) {
    char m[4] = {0};
    /* stdio's modes without the text/binary letter, which the runtime handles */
    for (size_t i = 0, n = 0; mode[i] && n < 3; ++i) {
        if (mode[i] != 'b' && mode[i] != 't') {
            m[n++] = mode[i];
        }
    }
    FILE *f = fopen(path, m[0] ? m : "r");
    if (f == NULL) {
        return errno;
    }
    *file = f;
    return 0;
}

int mpf_port_file_read(void *file, char *buf, size_t size, size_t *got) {
    *got = fread(buf, 1, size, file);
    return ferror((FILE *)file) ? EIO : 0;
}

int mpf_port_file_write(void *file, const char *buf, size_t size) {
    return fwrite(buf, 1, size, file) == size ? 0 : EIO;
}

int mpf_port_file_close(void *file) {
    return fclose(file) == 0 ? 0 : errno;
}
