/* LD_PRELOAD test double for a full disk. While the file named by $APPRAISE_FULL_FLAG exists,
   writes fail with ENOSPC, as on a disk that has just filled up: to the recovery journal (a
   file ending ".journal") when the flag file's text says "journal", to the temp file of an
   atomic save (ending ".tmp") when it says "tmp". Other files, and the terminal, are written
   as usual. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static int ends_with(const char *s, size_t n, const char *tail) {
    size_t t = strlen(tail);
    return n >= t && memcmp(s + n - t, tail, t) == 0;
}

static int full_for(int fd) {
    const char *flag = getenv("APPRAISE_FULL_FLAG");
    if (!flag) return 0;
    FILE *f = fopen(flag, "r");
    if (!f) return 0;
    char what[64] = {0};
    size_t got = fread(what, 1, sizeof what - 1, f);
    fclose(f);
    what[got] = 0;
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0) return 0;
    return (strstr(what, "journal") && ends_with(path, (size_t)n, ".journal"))
        || (strstr(what, "tmp") && ends_with(path, (size_t)n, ".tmp"));
}

ssize_t write(int fd, const void *buf, size_t count) {
    static ssize_t (*real)(int, const void *, size_t);
    if (!real) real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    if (full_for(fd)) { errno = ENOSPC; return -1; }
    return real(fd, buf, count);
}

ssize_t writev(int fd, const struct iovec *iov, int n) {
    static ssize_t (*real)(int, const struct iovec *, int);
    if (!real) real = (ssize_t (*)(int, const struct iovec *, int))dlsym(RTLD_NEXT, "writev");
    if (full_for(fd)) { errno = ENOSPC; return -1; }
    return real(fd, iov, n);
}
