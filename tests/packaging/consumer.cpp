// The C++ consumer: the same program, compiled as C++ (kurz.h must work
// from C++ with C linkage).
#include "consumer.c"
