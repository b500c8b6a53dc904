/* LD_PRELOAD shim: every fsync/fdatasync takes 50 ms more, as on a network home directory.
   (From the workplace's measuring tools, shared/tools/slowsync.c.) */
#define _GNU_SOURCE
#include <unistd.h>
#include <dlfcn.h>
#include <time.h>
static void nap(void){ struct timespec t={0,50*1000*1000}; nanosleep(&t,0); }
int fsync(int fd){ static int (*r)(int); if(!r) r=dlsym(RTLD_NEXT,"fsync"); nap(); return r(fd); }
int fdatasync(int fd){ static int (*r)(int); if(!r) r=dlsym(RTLD_NEXT,"fdatasync"); nap(); return r(fd); }
