/* SPDX-License-Identifier: MIT */
/* kurz: the command-line tool. The arguments (opts.c), then the run
 * (engine.c). */
#include <stdlib.h>

#include "cli.h"

int main(int argc, char **argv)
{
    xalloc_limit_from_env();
    kz_opts o;
    kz_opts_parse(&o, argc, argv);
    int rc = o.list_languages ? kz_list_languages() : kz_run(&o);
    free(o.files);
    return rc;
}
