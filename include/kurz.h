/* SPDX-License-Identifier: MIT */
/*
 * kurz: extractive summaries of German and French text (and of every other
 * language Snowball can stem), as a small embeddable C library.
 *
 * Conventions
 * -----------
 * - Every function that can fail returns an int: KURZ_OK (0) or a negative
 *   kurz_status. kurz_strerror() turns any int into static text.
 * - Output parameters come first and are named out. On failure *out is set
 *   to NULL. Objects handed out through **out belong to the caller, who
 *   releases them with the matching kurz_*_free(); never with free().
 *   Every kurz_*_free() accepts NULL.
 * - Strings returned directly (kurz_strerror, kurz_version_string,
 *   kurz_languages, kurz_summarizer_language) are static or live as long as
 *   their parent; never free them.
 * - Text is UTF-8 given as (pointer, length); no terminating NUL is needed
 *   and NUL bytes inside are ordinary characters. A leading byte-order mark
 *   is skipped; CRLF and CR line ends work like LF. Invalid UTF-8 is never
 *   repaired: it fails with KURZ_ERR_INVALID_UTF8, and the byte offset of
 *   the first bad sequence is available.
 * - Every sentence comes back as a byte span [start, end) of the caller's
 *   buffer, on code-point boundaries, with leading and trailing white space
 *   excluded. Spans never overlap and come in document order.
 *
 * Threads
 * -------
 * kurz has no global mutable state and needs no initialisation. A
 * kurz_summarizer may be used by one thread at a time; distinct summarizers
 * are independent and may run in parallel. A finished kurz_summary is
 * immutable: any number of threads may read it at once.
 */
#ifndef KURZ_H
#define KURZ_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(KURZ_STATIC)
#  define KURZ_API
#elif defined(_WIN32)
#  ifdef KURZ_BUILDING
#    define KURZ_API __declspec(dllexport)
#  else
#    define KURZ_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define KURZ_API __attribute__((visibility("default")))
#else
#  define KURZ_API
#endif

/* ---- Versions ---------------------------------------------------------
 * The API version below follows semantic versioning. The shared library's
 * SONAME (libkurz.so.0) is separate and changes only when binary
 * compatibility breaks. */
#define KURZ_VERSION_MAJOR 0
#define KURZ_VERSION_MINOR 1
#define KURZ_VERSION_PATCH 0
#define KURZ_VERSION_NUMBER \
    (KURZ_VERSION_MAJOR * 10000 + KURZ_VERSION_MINOR * 100 + KURZ_VERSION_PATCH)

/* The version of the library actually loaded, as a number like
 * KURZ_VERSION_NUMBER and as a static string "MAJOR.MINOR.PATCH". */
KURZ_API unsigned kurz_version_number(void);
KURZ_API const char *kurz_version_string(void);

/* ---- Status codes ----------------------------------------------------
 * Values are pinned forever; new codes are only ever added at the end. */
typedef enum kurz_status {
    KURZ_OK = 0,
    KURZ_ERR_NOMEM = -1,            /* an allocation failed */
    KURZ_ERR_INVALID_ARG = -2,      /* NULL where an object is needed, unknown option */
    KURZ_ERR_INVALID_UTF8 = -3,     /* input is not UTF-8; see kurz_summarizer_error_offset */
    KURZ_ERR_UNSUPPORTED_LANG = -4, /* no such language; see kurz_languages */
    KURZ_ERR_OUT_OF_RANGE = -5,     /* option value or index outside its bounds */
    KURZ_ERR_TOO_LARGE = -6         /* input longer than KURZ_OPT_MAX_INPUT_BYTES */
} kurz_status;

/* Static English text for any int (a status or anything else); never NULL. */
KURZ_API const char *kurz_strerror(int status);

/* ---- Languages -------------------------------------------------------
 * A NULL-terminated static array of the ISO 639-1 codes kurz accepts
 * ("de", "fr", "en", ... every language of the Snowball stemmer library).
 * German and French have their own sentence rules and stop words; English
 * has stop words; the others get stemming and generic sentence splitting.
 * kurz_summarizer_new() also accepts Snowball's names ("german",
 * "french", ...), in any letter case, and "auto" (identify the language of
 * each document: see kurz_identify and kurz_summary_language). */
KURZ_API const char *const *kurz_languages(void);

/* Checks that text[0..len) is well-formed UTF-8 (no overlong forms, no
 * encoded surrogates, nothing above U+10FFFF, nothing truncated). Returns
 * KURZ_OK, or KURZ_ERR_INVALID_UTF8 and stores the byte offset of the first
 * bad sequence in *bad_offset (when bad_offset is not NULL). */
KURZ_API int kurz_validate_utf8(const char *text, size_t len, size_t *bad_offset);

/* ---- Options ---------------------------------------------------------
 * Options are ints set one at a time; kurz_option_bounds() gives the valid
 * range of each. Values are pinned forever. Fractions are in per-mille.
 *
 * Budgets: KURZ_OPT_SENTENCES, KURZ_OPT_RATIO_PERMILLE and KURZ_OPT_WORDS
 * are alternatives; setting one of them to a non-zero value clears the
 * other two. With no budget set, a summary has 3 sentences. */
typedef enum kurz_option {
    KURZ_OPT_SENTENCES = 100,        /* this many sentences; 0 = unset */
    KURZ_OPT_RATIO_PERMILLE = 101,   /* this share of the sentences (at least one); 0 = unset */
    KURZ_OPT_WORDS = 102,            /* about this many words; 0 = unset. Words are
                                        counted as a reader (and ROUGE) counts them:
                                        runs of letters, digits and marks, so "l'eau"
                                        is two words */
    KURZ_OPT_STRICT = 103,           /* with WORDS: 1 = never exceed the budget, 0 (default) =
                                        add sentences while the summary is shorter than it */
    KURZ_OPT_ALGORITHM = 104,        /* a kurz_algorithm; default KURZ_ALGO_LEXRANK */
    KURZ_OPT_DAMPING_PERMILLE = 105, /* random-walk damping of the ranking; default 850 */
    KURZ_OPT_POSITION_PERMILLE = 106,/* weight of the position prior blended with centrality;
                                        default 600. Sentences are scored by a learned
                                        model (since 0.2) while this option and
                                        KURZ_OPT_TITLE_PERMILLE keep their defaults; any
                                        other value of either brings back the hand-set
                                        blend of 0.1 with these weights */
    KURZ_OPT_REDUNDANCY_PERMILLE = 107, /* reject a candidate whose similarity to a chosen
                                        sentence is at least this; 1000 = never reject;
                                        default 600 */
    KURZ_OPT_BOILERPLATE = 108,      /* 1 (default) = never select headings, bylines, navigation
                                        and comment lines unless nothing else exists */
    KURZ_OPT_MAX_INPUT_BYTES = 109,  /* refuse longer input with KURZ_ERR_TOO_LARGE;
                                        default 256 MiB; the maximum is INT_MAX */
    KURZ_OPT_TITLE_PERMILLE = 110,   /* weight of similarity to the first real sentence in
                                        the blend of 0.1 (see KURZ_OPT_POSITION_PERMILLE);
                                        default 0. For a real title see
                                        kurz_summarizer_set_title */
    KURZ_OPT_KEYPHRASES = 111,       /* kurz_keyphrases_extract: at most this many key
                                        phrases, 0..1000; default 10 */
    KURZ_OPT_KEYPHRASE_MAX_WORDS = 112 /* kurz_keyphrases_extract: words per key phrase,
                                        1..16; default 4 */
} kurz_option;

typedef enum kurz_algorithm {
    KURZ_ALGO_LEXRANK = 0,   /* idf-modified cosine graph, power iteration */
    KURZ_ALGO_TEXTRANK = 1   /* normalised word-overlap graph, power iteration */
} kurz_algorithm;

/* Valid range [*min_out, *max_out] of an option (either pointer may be NULL).
 * KURZ_ERR_INVALID_ARG for an unknown option. */
KURZ_API int kurz_option_bounds(kurz_option option, int *min_out, int *max_out);

/* ---- Summarizer ------------------------------------------------------- */
typedef struct kurz_summarizer kurz_summarizer;

/* Creates a summarizer for lang (see kurz_languages), or for "auto" (any
 * letter case): then the language of each document is identified
 * (kurz_identify) and the document is processed with that language's rules,
 * stop words and stemmer; a text in none of the languages, or too short to
 * tell, gets generic sentence rules, no stop words and no stemming, and
 * still succeeds. kurz_summary_language tells which was used.
 * KURZ_ERR_INVALID_ARG when out or lang is NULL, KURZ_ERR_UNSUPPORTED_LANG
 * for an unknown language (or one this libstemmer lacks), KURZ_ERR_NOMEM.
 * Creating one has a cost (it loads a stemmer; "auto" loads one per language
 * met, when first met): reuse it for many documents. */
KURZ_API int kurz_summarizer_new(kurz_summarizer **out, const char *lang);

/* Releases a summarizer; NULL is a no-op. Summaries it made stay valid. */
KURZ_API void kurz_summarizer_free(kurz_summarizer *s);

/* The ISO code of the summarizer's language ("de"), or "auto"; static,
 * never NULL for a valid summarizer. */
KURZ_API const char *kurz_summarizer_language(const kurz_summarizer *s);

/* Sets or reads one option. KURZ_ERR_INVALID_ARG for a NULL summarizer, an
 * unknown option or (get) a NULL value pointer; KURZ_ERR_OUT_OF_RANGE for a
 * value outside the bounds (the option then keeps its previous value). */
KURZ_API int kurz_summarizer_set_option(kurz_summarizer *s, kurz_option option, int value);
KURZ_API int kurz_summarizer_get_option(const kurz_summarizer *s, kurz_option option, int *value);

/* Replaces the allocator used for everything the summarizer and its
 * summaries allocate from now on (the stemmer's own small buffers excepted).
 * malloc_fn and free_fn must both be given, or both NULL to go back to the C
 * library's. realloc_fn may be NULL (kurz then allocates and copies). Set it
 * before the first summary: summaries must be freed with the allocator that
 * made them, which kurz remembers per summary. The summarizer's reusable
 * buffers go back to the old allocator at once. */
typedef void *(*kurz_malloc_fn)(void *user, size_t size);
typedef void *(*kurz_realloc_fn)(void *user, void *ptr, size_t size);
typedef void (*kurz_free_fn)(void *user, void *ptr);
KURZ_API int kurz_summarizer_set_allocator(kurz_summarizer *s, kurz_malloc_fn malloc_fn,
                                           kurz_realloc_fn realloc_fn, kurz_free_fn free_fn,
                                           void *user);

/* After a call failed with KURZ_ERR_INVALID_UTF8: the byte offset of the
 * first bad sequence in that input. 0 otherwise or for NULL. */
KURZ_API size_t kurz_summarizer_error_offset(const kurz_summarizer *s);

/* ---- Summaries -------------------------------------------------------- */
typedef struct kurz_summary kurz_summary;

/* Summarizes text[0..len) under the summarizer's options. On success
 * *out holds the chosen sentences in document order (possibly none, for a
 * text without words). The summary holds offsets and scores only: it does
 * not point into text or the summarizer and may outlive both.
 * Errors: KURZ_ERR_INVALID_ARG (NULL out or s, or NULL text with len > 0),
 * KURZ_ERR_TOO_LARGE (checked first, before a byte is read),
 * KURZ_ERR_INVALID_UTF8, KURZ_ERR_NOMEM; the summarizer stays usable after
 * any of them. A summarizer keeps its working buffers and a cache of word
 * forms between calls (bounded; all released by kurz_summarizer_free). */
KURZ_API int kurz_summarize(kurz_summary **out, kurz_summarizer *s, const char *text, size_t len);

/* Splits text into sentences without ranking: *out holds every sentence,
 * each with score 0. Same errors as kurz_summarize. */
KURZ_API int kurz_split(kurz_summary **out, kurz_summarizer *s, const char *text, size_t len);

/* Number of sentences in the summary. 0 for NULL. */
KURZ_API size_t kurz_summary_count(const kurz_summary *sum);

/* Number of sentences the whole document had. 0 for NULL. */
KURZ_API size_t kurz_summary_document_sentences(const kurz_summary *sum);

/* Sentence i (0 <= i < count) of the summary: its index among all sentences
 * of the document, its byte span [start, end) and its score (higher is more
 * central; 0 from kurz_split). Any out pointer may be NULL.
 * KURZ_ERR_INVALID_ARG for NULL sum, KURZ_ERR_OUT_OF_RANGE for a bad i. */
KURZ_API int kurz_summary_get(const kurz_summary *sum, size_t i, size_t *index,
                              size_t *start, size_t *end, double *score);

/* Releases a summary; NULL is a no-op. */
KURZ_API void kurz_summary_free(kurz_summary *sum);

/* ---- Key phrases (since 0.2) -------------------------------------------
 * What a text is about, in a few words: phrases such as "Rechenzentrum",
 * "Elon Musk" or "centres de données", ranked by how central their words
 * are in the text, where they first occur and how often they occur.
 *
 * A key phrase is a content word, a maximal run of content words inside
 * one sentence (never across a sentence end, a line end or punctuation,
 * no stop word at either edge; French "de"/"du"/"des"/"d'" may join two
 * content words), a name inside such a run, or a part of a run that
 * recurs. A German compound is one word, and so is a hyphenated name
 * ("Saint-Martin"). Phrases with the same Snowball stems are one (in
 * German -um and -en plurals merge: "Rechenzentrum", "Rechenzentren"); a
 * single word always inside one recurring phrase ("Musk" in "Elon Musk")
 * is left to that phrase. A phrase's text is its most
 * frequent form in the input, as written (capitals and accents kept, runs
 * of white space as one space). KURZ_OPT_KEYPHRASES caps their number,
 * KURZ_OPT_KEYPHRASE_MAX_WORDS their length (a longer run is a clause: it
 * yields only the names in it and those of its stretches that recur).
 * Only the first 48 KiB of a text are read (cut at a line end): the cost
 * stays a small fraction of a summary's. */
typedef struct kurz_keyphrases kurz_keyphrases;

/* Extracts the key phrases of text[0..len) under the summarizer's
 * language (for "auto": the language identified in text), stemmer,
 * allocator and the two options above. On success *out
 * holds them best first (possibly none, for a text without content words);
 * it does not point into text or the summarizer and may outlive both.
 * Errors exactly as kurz_summarize (KURZ_ERR_INVALID_ARG, KURZ_ERR_TOO_LARGE,
 * KURZ_ERR_INVALID_UTF8 with kurz_summarizer_error_offset, KURZ_ERR_NOMEM);
 * *out is then NULL and the summarizer stays usable. Threads: as
 * kurz_summarize (one thread per summarizer at a time); a finished
 * kurz_keyphrases is immutable and may be read by any number of threads. */
KURZ_API int kurz_keyphrases_extract(kurz_keyphrases **out, kurz_summarizer *s, const char *text,
                                     size_t len);

/* Number of key phrases. 0 for NULL. */
KURZ_API size_t kurz_keyphrases_count(const kurz_keyphrases *k);

/* Key phrase i (0 <= i < count, best first): its text (UTF-8, NUL-
 * terminated, text_len bytes without the NUL; owned by k and valid until
 * kurz_keyphrases_free), its score (higher is better; scores are
 * comparable within one result only), the number of its occurrences in the
 * text and the byte span [start, end) of the first one in the caller's
 * text. Any out pointer may be NULL. KURZ_ERR_INVALID_ARG for NULL k,
 * KURZ_ERR_OUT_OF_RANGE for a bad i. */
KURZ_API int kurz_keyphrases_get(const kurz_keyphrases *k, size_t i, const char **text,
                                 size_t *text_len, double *score, size_t *count, size_t *start,
                                 size_t *end);

/* Releases key phrases (with the allocator that made them); NULL is a no-op. */
KURZ_API void kurz_keyphrases_free(kurz_keyphrases *k);

/* ---- Language identification (since 0.2) ------------------------------ */
typedef struct kurz_langid kurz_langid;

/* Identifies the language of text[0..len) among kurz_languages(). Only the
 * first 32 KiB of the text are read (cut back to a character boundary), so
 * any longer input costs the same; bytes after that are neither read nor
 * validated. On success *out holds the result, which the caller releases
 * with kurz_langid_free; it does not point into text. The answer is "und"
 * when the text is empty, holds too few letters to tell, or fits none of
 * the languages (e.g. Polish, Ukrainian, Persian: close neighbours of listed
 * languages are refused rather than claimed). Croatian and Bosnian may come
 * back as "sr" and Nynorsk as "no". Deterministic; no global state: any
 * number of threads may call it at once, and a result may be read from any
 * thread.
 * Errors: KURZ_ERR_INVALID_ARG (NULL out, or NULL text with len > 0),
 * KURZ_ERR_INVALID_UTF8 (the sample read is not UTF-8), KURZ_ERR_NOMEM.
 * *out is NULL after any error. */
KURZ_API int kurz_identify(kurz_langid **out, const char *text, size_t len);

/* The identified ISO 639-1 code, or "und". A static string that outlives
 * the result. "und" for NULL. */
KURZ_API const char *kurz_langid_language(const kurz_langid *r);

/* Confidence in [0, 1] that the code is right (the best candidate's score);
 * 0 for "und" and for NULL. */
KURZ_API double kurz_langid_confidence(const kurz_langid *r);

/* Number of ranked candidates: the languages written in the text's main
 * script, best first, also when the answer is "und" (0 when no listed
 * script was found). 0 for NULL. */
KURZ_API size_t kurz_langid_count(const kurz_langid *r);

/* Candidate i (0 <= i < count): its ISO code (static string) and score in
 * [0, 1] (the scores of all candidates sum to 1). Either out pointer may be
 * NULL. KURZ_ERR_INVALID_ARG for NULL r, KURZ_ERR_OUT_OF_RANGE for a bad i. */
KURZ_API int kurz_langid_get(const kurz_langid *r, size_t i, const char **lang, double *score);

/* Bytes of the input that identification read (at most 32 KiB). 0 for NULL. */
KURZ_API size_t kurz_langid_examined(const kurz_langid *r);

/* Releases a result; NULL is a no-op. */
KURZ_API void kurz_langid_free(kurz_langid *r);

/* ---- The language of a summary (since 0.2) ---------------------------- */
/* The language sum was made with (by kurz_summarize or kurz_split): an ISO
 * code of kurz_languages(), or "und" when the summarizer's language is
 * "auto" and the text is in none of the languages or too short to tell (the
 * generic pipeline was used). *detected (when detected is not NULL) is 1
 * when the language was identified from the text, 0 when it was the
 * summarizer's own. A static string; NULL (and *detected 0) for NULL sum.
 * Like every summary accessor, safe from any number of threads at once. */
KURZ_API const char *kurz_summary_language(const kurz_summary *sum, int *detected);

/* ---- Titles (since 0.2) -----------------------------------------------
 * Gives the summarizer the title (headline) of the next documents:
 * sentences that share its words score higher. title[0..len) is UTF-8
 * (no NUL needed) and is copied; it applies to every following
 * kurz_summarize on s until replaced, or removed with title NULL and len 0.
 * An empty title (len 0, title not NULL) counts as a title with no words.
 * Errors: KURZ_ERR_INVALID_ARG (NULL s, or NULL title with len > 0),
 * KURZ_ERR_INVALID_UTF8 (then kurz_summarizer_error_offset is the offset in
 * title), KURZ_ERR_TOO_LARGE (longer than KURZ_OPT_MAX_INPUT_BYTES),
 * KURZ_ERR_NOMEM; after an error the previous title stays in force.
 * kurz_summarizer_set_allocator forgets the title. Same thread rule as
 * every call on s. */
KURZ_API int kurz_summarizer_set_title(kurz_summarizer *s, const char *title, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* KURZ_H */
