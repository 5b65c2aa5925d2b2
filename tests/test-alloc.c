/* SPDX-License-Identifier: MIT */
/* The allocation helpers: growth, prefaulting, hash seeds. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "kurz-private.h"

/* Prefaulting is advice: whatever the kernel does with it, a block keeps
 * its contents, including the partial pages at both ends, and fresh memory
 * still reads as zero. */
static void prefault_keeps_contents(void **state)
{
    (void)state;
    kurz__mem m;
    kurz__mem_default(&m);
    size_t n = (size_t)3 << 20;
    uint8_t *p = kurz__malloc(&m, n + 7);
    assert_non_null(p);
    for (size_t i = 0; i < n; i += 997)
        p[i] = (uint8_t)(i * 31 + 7);
    p[n + 6] = 0xA5;
    kurz__prefault(&m, p + 3, n); /* start and end inside pages */
    for (size_t i = 0; i < n; i += 997)
        assert_int_equal(p[i], (uint8_t)(i * 31 + 7));
    assert_int_equal(p[n + 6], 0xA5);
    kurz__free(&m, p);

    uint32_t *z = kurz__calloc(&m, n, sizeof *z);
    assert_non_null(z);
    kurz__prefault(&m, z, n * sizeof *z);
    for (size_t i = 0; i < n; i += 4099)
        assert_int_equal(z[i], 0);
    kurz__free(&m, z);
    kurz__prefault(&m, NULL, n); /* nothing to do, no crash */
}

static size_t foreign_calls;

static void *foreign_malloc(void *user, size_t size)
{
    (void)user;
    foreign_calls++;
    return malloc(size);
}

static void foreign_free(void *user, void *p)
{
    (void)user;
    free(p);
}

/* Growth doubles, keeps the elements, and with no realloc_fn copies through
 * the caller's malloc. */
static void grow_keeps_elements(void **state)
{
    (void)state;
    kurz__mem m = {foreign_malloc, NULL, foreign_free, NULL};
    uint32_t *v = NULL;
    size_t cap = 0;
    for (uint32_t i = 0; i < 100000; i++) {
        assert_int_equal(KURZ__GROW(&m, v, cap, (size_t)i + 1), 0);
        v[i] = i * 2654435761u;
    }
    assert_true(cap >= 100000 && cap < 200000);
    for (uint32_t i = 0; i < 100000; i++)
        assert_int_equal(v[i], i * 2654435761u);
    assert_true(foreign_calls > 5 && foreign_calls < 20); /* doubling, not one per element */
    kurz__prefault(&m, v, cap * sizeof *v); /* a caller's memory keeps its contents too */
    assert_int_equal(v[99999], 99999u * 2654435761u);
    kurz__free(&m, v);
    v = NULL;
    cap = 0;
    size_t big = SIZE_MAX / 2;
    assert_int_equal(kurz__grow(&m, (void **)&v, &cap, big, 8), KURZ_ERR_NOMEM);
    assert_null(v);
}

/* Hash seeds are not a constant a text could be crafted against. */
static void seeds_differ(void **state)
{
    (void)state;
    int x = 0;
    uint64_t a = kurz__seed(&x), b = kurz__seed(&x), c = kurz__seed(&a);
    assert_true(a != b || b != c); /* equal thrice: 2^-128 with real entropy */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prefault_keeps_contents),
        cmocka_unit_test(grow_keeps_elements),
        cmocka_unit_test(seeds_differ),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
