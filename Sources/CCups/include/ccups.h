// libcups, loaded on first use instead of linked: linking it made every process (a text render
// too) load libcups and its 24 dependencies (GnuTLS, Kerberos, Avahi, D-Bus ...) at start, about
// a third of the CLI's start-up. Only a `cups:` destination needs it, so BillPrinting asks for the
// table below when it first spools a job; a host without libcups gets an error for that job only.
#ifndef BILLRENDER_CCUPS_H
#define BILLRENDER_CCUPS_H

#include <cups/cups.h>

/// The libcups functions BillPrinting calls. Each field has the type of the function the header
/// declares (`__typeof__`), so a signature cannot drift from the library's.
typedef struct billrender_cups {
    __typeof__(&httpConnect2) _Nonnull httpConnect2;
    __typeof__(&httpClose) _Nonnull httpClose;
    __typeof__(&cupsCancelJob2) _Nonnull cupsCancelJob2;
    __typeof__(&cupsStartDocument) _Nonnull cupsStartDocument;
    __typeof__(&cupsWriteRequestData) _Nonnull cupsWriteRequestData;
    __typeof__(&cupsFinishDocument) _Nonnull cupsFinishDocument;
    __typeof__(&cupsDoRequest) _Nonnull cupsDoRequest;
    __typeof__(&cupsLastError) _Nonnull cupsLastError;
    __typeof__(&cupsLastErrorString) _Nonnull cupsLastErrorString;
    __typeof__(&cupsServer) _Nonnull cupsServer;
    __typeof__(&cupsUser) _Nonnull cupsUser;
    __typeof__(&ippNewRequest) _Nonnull ippNewRequest;
    __typeof__(&ippAddString) _Nonnull ippAddString;
    __typeof__(&ippFindAttribute) _Nonnull ippFindAttribute;
    __typeof__(&ippGetInteger) _Nonnull ippGetInteger;
    __typeof__(&ippGetString) _Nonnull ippGetString;
    __typeof__(&ippDelete) _Nonnull ippDelete;
    __typeof__(&ippPort) _Nonnull ippPort;
} billrender_cups;

/// Loads libcups (`libcups.so.2`, else `libcups.so`) once per process and returns its functions,
/// or NULL when the library or one of the functions is missing; then `billrender_cups_error`
/// says why. Thread-safe.
const billrender_cups *_Nullable billrender_cups_load(void);

/// Why the last `billrender_cups_load` returned NULL (a static string).
const char *_Nonnull billrender_cups_error(void);

#endif
