#include "ccups.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

static billrender_cups table;
static const billrender_cups *loaded;
static const char *failure = "libcups was not loaded";
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *library = dlopen("libcups.so.2", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libcups.so", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        failure = "libcups (libcups.so.2) is not installed";
        return;
    }
#define BIND(name)                                                  \
    do {                                                            \
        void *symbol = dlsym(library, #name);                       \
        if (symbol == NULL) {                                       \
            failure = "libcups has no " #name;                      \
            return;                                                 \
        }                                                           \
        *(void **)&table.name = symbol;                             \
    } while (0)
    BIND(httpConnect2);
    BIND(httpClose);
    BIND(cupsCancelJob2);
    BIND(cupsStartDocument);
    BIND(cupsWriteRequestData);
    BIND(cupsFinishDocument);
    BIND(cupsDoRequest);
    BIND(cupsLastError);
    BIND(cupsLastErrorString);
    BIND(cupsServer);
    BIND(cupsUser);
    BIND(ippNewRequest);
    BIND(ippAddString);
    BIND(ippFindAttribute);
    BIND(ippGetInteger);
    BIND(ippGetString);
    BIND(ippDelete);
    BIND(ippPort);
#undef BIND
    loaded = &table;
}

const billrender_cups *billrender_cups_load(void) {
    pthread_once(&once, load);
    return loaded;
}

const char *billrender_cups_error(void) { return failure; }
