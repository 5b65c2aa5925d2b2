/* SPDX-License-Identifier: MIT */
// Reads one text per line on stdin, prints CLD2's language code per line
// ("und" when CLD2 finds none), for comparing with kurz-langid.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <cld2/public/compact_lang_det.h>

int main()
{
    char *line = nullptr;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            n--;
        bool reliable = false;
        CLD2::Language lang = CLD2::DetectLanguage(line, (int)n, true, &reliable);
        const char *code = CLD2::LanguageCode(lang);
        if (lang == CLD2::UNKNOWN_LANGUAGE || !code)
            code = "und";
        std::puts(code);
    }
    std::free(line);
    return 0;
}
