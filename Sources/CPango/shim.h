// Pango (HarfBuzz shaping, FriBidi ordering) drawing through Cairo, with a private fontconfig
// configuration so fonts come from the files billrender names, never from the machine's setup.
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>
