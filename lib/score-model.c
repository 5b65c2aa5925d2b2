/* PLACEHOLDER until tools/train-scorer.py writes this file: kurz 0.1's
 * blend (0.4 centrality + 0.6 position prior) as a linear model. */
#include "kurz-private.h"

const char *const kurz__model_features[KURZ__NFEAT] = {
    "pos_inv", "pos_rel", "first",  "para_first", "para_rel", "len",    "short",
    "cent",    "centroid", "topterms", "title",   "leadsim", "digits", "quote",
    "caps",    "noterm",  "question", "opener",  "notok",
};

const kurz__model kurz__models[] = {
    {"mul", 0, 0.0, {[KURZ__F_POS_INV] = 0.6, [KURZ__F_CENT] = 0.4}},
    {"mul", 1, 0.0, {[KURZ__F_POS_INV] = 0.6, [KURZ__F_CENT] = 0.4}},
};
const size_t kurz__nmodels = sizeof kurz__models / sizeof *kurz__models;
