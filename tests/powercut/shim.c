// Records every write, truncate, unlink and fsync the process makes to files under
// $POWERCUT_DIR, with CLOCK_MONOTONIC times, to $POWERCUT_LOG: the power-cut harness replays a
// prefix of it keeping only what each file had synced (tests/powercut/README.md).
// POWERCUT_DROP_SYNC=1 records no fsync: a server that never syncs, which the harness must catch.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define MAX_FD 65536
static char *paths[MAX_FD];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int log_fd = -1;
static const char *dir;
static size_t dir_len;
static int drop_sync;

static void init(void) {
    if (dir) return;
    const char *d = getenv("POWERCUT_DIR");
    const char *l = getenv("POWERCUT_LOG");
    drop_sync = getenv("POWERCUT_DROP_SYNC") != NULL;
    if (!d || !l) { dir = ""; dir_len = 0; return; }
    log_fd = (int)syscall(SYS_openat, AT_FDCWD, l, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    dir_len = strlen(d);
    dir = d;
}

static void put(const void *p, size_t n) {
    const char *c = p;
    while (n > 0) {
        ssize_t w = syscall(SYS_write, log_fd, c, n);
        if (w <= 0) return;
        c += w; n -= (size_t)w;
    }
}

// op: 'W' write, 'S' sync, 'T' truncate, 'U' unlink. Caller holds the lock.
static void record(char op, const char *path, uint64_t offset, const void *data, uint32_t len) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t t = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
    uint32_t plen = (uint32_t)strlen(path);
    put(&op, 1); put(&t, 8); put(&plen, 4); put(path, plen); put(&offset, 8); put(&len, 4);
    if (len) put(data, len);
}

static int ours(const char *path) { return log_fd >= 0 && dir_len && path && strncmp(path, dir, dir_len) == 0; }

static void remember(int fd, const char *path) {
    if (fd < 0 || fd >= MAX_FD) return;
    pthread_mutex_lock(&lock);
    free(paths[fd]);
    paths[fd] = ours(path) ? strdup(path) : NULL;
    pthread_mutex_unlock(&lock);
}

#define REAL(name) static __typeof__(name) *real_##name; if (!real_##name) real_##name = dlsym(RTLD_NEXT, #name)

int open64(const char *path, int flags, ...) {
    REAL(open64); init();
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) { va_list a; va_start(a, flags); mode = va_arg(a, mode_t); va_end(a); }
    int fd = real_open64(path, flags, mode);
    remember(fd, path);
    return fd;
}

int open(const char *path, int flags, ...) {
    REAL(open); init();
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) { va_list a; va_start(a, flags); mode = va_arg(a, mode_t); va_end(a); }
    int fd = real_open(path, flags, mode);
    remember(fd, path);
    return fd;
}

int close(int fd) {
    REAL(close);
    if (fd >= 0 && fd < MAX_FD && paths[fd]) { pthread_mutex_lock(&lock); free(paths[fd]); paths[fd] = NULL; pthread_mutex_unlock(&lock); }
    return real_close(fd);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t offset) {
    REAL(pwrite64);
    if (fd < 0 || fd >= MAX_FD || !paths[fd]) return real_pwrite64(fd, buf, n, offset);
    pthread_mutex_lock(&lock);
    ssize_t w = real_pwrite64(fd, buf, n, offset);
    if (w > 0 && paths[fd]) record('W', paths[fd], (uint64_t)offset, buf, (uint32_t)w);
    pthread_mutex_unlock(&lock);
    return w;
}

ssize_t write(int fd, const void *buf, size_t n) {
    REAL(write);
    if (fd < 0 || fd >= MAX_FD || !paths[fd]) return real_write(fd, buf, n);
    pthread_mutex_lock(&lock);
    off_t at = lseek(fd, 0, SEEK_CUR);
    ssize_t w = real_write(fd, buf, n);
    if (w > 0 && paths[fd] && at >= 0) record('W', paths[fd], (uint64_t)at, buf, (uint32_t)w);
    pthread_mutex_unlock(&lock);
    return w;
}

int ftruncate64(int fd, off64_t size) {
    REAL(ftruncate64);
    if (fd < 0 || fd >= MAX_FD || !paths[fd]) return real_ftruncate64(fd, size);
    pthread_mutex_lock(&lock);
    int r = real_ftruncate64(fd, size);
    if (r == 0 && paths[fd]) record('T', paths[fd], (uint64_t)size, NULL, 0);
    pthread_mutex_unlock(&lock);
    return r;
}

static int synced(int fd, int r) {
    if (r == 0 && !drop_sync && fd >= 0 && fd < MAX_FD && paths[fd]) {
        pthread_mutex_lock(&lock);
        if (paths[fd]) record('S', paths[fd], 0, NULL, 0);
        pthread_mutex_unlock(&lock);
    }
    return r;
}

int fsync(int fd) { REAL(fsync); return synced(fd, real_fsync(fd)); }
int fdatasync(int fd) { REAL(fdatasync); return synced(fd, real_fdatasync(fd)); }

int unlink(const char *path) {
    REAL(unlink); init();
    int r = real_unlink(path);
    if (r == 0 && ours(path)) { pthread_mutex_lock(&lock); record('U', path, 0, NULL, 0); pthread_mutex_unlock(&lock); }
    return r;
}
