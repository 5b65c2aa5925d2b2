/* SPDX-License-Identifier: MIT */
/* Private to libkurz (every symbol hidden, named kurz__*): one stage of
 * the pipeline. Each stage header includes the one before it, so a stage
 * sees the stages it builds on and none after it (see kurz-private.h). */
#ifndef KURZ_RANK_H
#define KURZ_RANK_H

#include "graph.h" /* the stages before this one */

/* ---- Centrality (rank.c) ----------------------------------------------- */
/* Centrality of every sentence of g into score[0..g->n) by power iteration
 * with damping 0..1 (sums to 1; uniform when there are no edges).
 * 0 or KURZ_ERR_NOMEM. */
int kurz__rank(const kurz__mem *m, const kurz__graph *g, double damping, double *score);

#endif /* KURZ_RANK_H */
