#define _DEFAULT_SOURCE /* wait4 */
#include "isolate.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Resident set of this process now, in KiB. */
static long resident_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &size, &resident) != 2) resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static bool count_block(void *ctx, const doc_block *b)
{
    (void)b;
    (*(unsigned long *)ctx)++;
    return true;
}

isolate_result isolate_read(const void *data, size_t n, const ooxml_options *opt)
{
    isolate_result r = {.status = -1};
    int fds[2];
    if (pipe(fds) != 0) return r;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        alarm(60);
        long start_kb = resident_kb();
        ooxml_options defaults;
        if (!opt) {
            ooxml_options_default(&defaults);
            opt = &defaults;
        }
        doc_info info;
        doc_info_init(&info);
        pl_error err;
        pl_error_clear(&err);
        unsigned long blocks = 0;
        doc_sink sink = {.ctx = &blocks, .block = count_block};
        int s = ooxml_read_memory(data, n, "hazard", opt, &info, &sink, &err);
        doc_info_free(&info);
        long msg[3] = {s, (long)blocks, start_kb};
        if (write(fds[1], msg, sizeof msg) != sizeof msg) _exit(3);
        _exit(0);
    }
    close(fds[1]);
    long msg[3];
    ssize_t got = read(fds[0], msg, sizeof msg);
    close(fds[0]);
    int wstatus = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    wait4(pid, &wstatus, 0, &ru);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    r.seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    r.max_rss_kb = ru.ru_maxrss;
    if (WIFSIGNALED(wstatus)) r.signal = WTERMSIG(wstatus);
    if (got == sizeof msg && !r.signal) {
        r.status = (int)msg[0];
        r.blocks = (unsigned long)msg[1];
        r.max_rss_kb -= msg[2];
    }
    return r;
}
