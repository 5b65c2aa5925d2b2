/* SPDX-License-Identifier: MIT */
/* Final scores (lib/score.c): centrality blended with the position prior
 * and the similarity to the lead. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "fixture.h"

/* six sentences, distinct terms except 0 and 1 which are near duplicates */
static const int six[6][8] = {
    {0, 1, 2, 3, -1}, {0, 1, 2, 3, 4, -1}, {5, 6, -1}, {7, 8, -1}, {9, 10, -1}, {11, 12, -1},
};
static const uint8_t all_ok[6] = {1, 1, 1, 1, 1, 1};

static void blend_position_prior(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    double norm[16], s[6];
    kurz__norms(&f.d, norm);
    static const uint8_t ok[6] = {0, 1, 1, 1, 1, 1}; /* a heading first */
    for (int i = 0; i < 6; i++)
        s[i] = 1.0 / 6; /* flat centrality */
    kurz__blend_opts bo = {0.5, 0.0};
    kurz__blend(&f.d, ok, norm, &bo, s);
    /* the first real sentence gets the full prior, later ones less, the
     * heading none */
    assert_true(s[1] > s[2] && s[2] > s[3] && s[3] > s[5]);
    assert_true(s[0] < s[5]);
    assert_true(fabs(s[1] - 1.0) < 1e-12);
    /* with no prior the flat centrality stays flat */
    for (int i = 0; i < 6; i++)
        s[i] = 1.0 / 6;
    bo.position = 0;
    kurz__blend(&f.d, ok, norm, &bo, s);
    assert_true(fabs(s[2] - s[5]) < 1e-12);
}

static void blend_title_similarity(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    double norm[16], s[6];
    kurz__norms(&f.d, norm);
    for (int i = 0; i < 6; i++)
        s[i] = 1.0 / 6;
    kurz__blend_opts bo = {0.0, 0.5};
    kurz__blend(&f.d, all_ok, norm, &bo, s);
    /* sentence 1 shares terms with the lead (0); the others share none */
    assert_true(s[1] > s[2]);
    assert_true(fabs(s[2] - s[3]) < 1e-12);
}

/* The mix is convex: centrality alone keeps the order of the scores and
 * scales the best to 1. */
static void blend_without_priors_normalises(void **state)
{
    (void)state;
    fixture f;
    build(&f, 6, six);
    double norm[16], s[6] = {0.1, 0.4, 0.2, 0.1, 0.1, 0.1};
    kurz__norms(&f.d, norm);
    kurz__blend_opts bo = {0.0, 0.0};
    kurz__blend(&f.d, all_ok, norm, &bo, s);
    assert_true(fabs(s[1] - 1.0) < 1e-12);
    assert_true(fabs(s[2] - 0.5) < 1e-12);
    assert_true(fabs(s[0] - 0.25) < 1e-12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(blend_position_prior),
        cmocka_unit_test(blend_title_similarity),
        cmocka_unit_test(blend_without_priors_normalises),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
