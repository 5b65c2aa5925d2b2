/* SPDX-License-Identifier: MIT */
/* Internal interfaces of libkurz: the whole pipeline. Nothing here is
 * exported: every symbol is hidden and named kurz__*. There is one private
 * header per stage, named after its file; each includes the header of the
 * stage before it, so modules depend on each other in one direction:
 *   alloc -> lang -> wordlist -> utf8 -> segment -> tokenize -> stopwords
 *   -> stem -> doc -> graph -> rank -> boiler -> feature -> score -> select
 *   -> pipeline (kurz-test.h) -> api
 * Beside the chain: langid.h (language identification, used by api.c) and
 * keyphrase.h (key phrases). kurz_summarize runs the stages in this order,
 * one call each: segment, doc, graph, rank, boiler (eligible units), score
 * (the features, then the model), select (the table of stages is in
 * pipeline.c; tests and the benchmark reach it through kurz-test.h). A stage's .c includes its own header;
 * files that need every stage include this one. */
#ifndef KURZ_PRIVATE_H
#define KURZ_PRIVATE_H

/* In pipeline order; each includes the one before it:
 *   alloc.h
 *   lang.h
 *   wordlist.h
 *   utf8.h
 *   segment.h
 *   tokenize.h
 *   stopwords.h
 *   stem.h
 *   doc.h
 *   graph.h
 *   rank.h
 *   boiler.h
 *   feature.h (of features.c: features.h would hide the C library's)
 *   score.h
 *   select.h */
#include "select.h"

#endif /* KURZ_PRIVATE_H */
