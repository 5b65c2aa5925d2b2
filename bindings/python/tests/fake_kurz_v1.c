/* SPDX-License-Identifier: MIT */
/* A stand-in libkurz of another major version (1.0.0), for the binding's
 * loader test: the binding must refuse it. Built by bindings/python/meson.build
 * only for the tests; never installed. */
unsigned kurz_version_number(void);
const char *kurz_version_string(void);

unsigned kurz_version_number(void)
{
    return 10000;
}

const char *kurz_version_string(void)
{
    return "1.0.0";
}
