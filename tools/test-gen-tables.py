#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Test of tools/gen-tables.py: bad list files stop it with FILE:LINE, a good
one gives sorted, folded, merged tables. Run by meson (suite data):
test-gen-tables.py GEN-TABLES.py"""
import os
import subprocess
import sys
import tempfile

GEN = sys.argv[1]
failures = []


def run(files, manifest=None):
    """Writes files {name: text} into a fresh data dir, runs the generator;
    returns (exit code, stderr, generated .c, generated .h, data dir)."""
    d = tempfile.mkdtemp(prefix='gen-tables-')
    for name, text in files.items():
        path = os.path.join(d, name + '.txt')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'wb') as f:
            f.write(text.encode('utf-8') if isinstance(text, str) else text)
    with open(os.path.join(d, 'lists.txt'), 'w') as f:
        f.write(manifest if manifest is not None else '# test\n' + '\n'.join(files) + '\n')
    out_c, out_h = os.path.join(d, 'l.c'), os.path.join(d, 'l.h')
    p = subprocess.run([sys.executable, GEN, os.path.join(d, 'lists.txt'), out_c, out_h],
                       capture_output=True, text=True)
    c = open(out_c).read() if os.path.exists(out_c) else ''
    h = open(out_h).read() if os.path.exists(out_h) else ''
    return p.returncode, p.stderr, c, h, d


def bad(what, files, where, message):
    rc, err, c, h, d = run(files)
    expect = os.path.join(d, where) + ':'
    if rc != 1 or expect not in err or message not in err or c or h:
        failures.append('%s: wanted exit 1 and "%s ... %s", got %d: %s'
                        % (what, expect, message, rc, err.strip()))


HEAD = '# a comment\n#! max-bytes: 12\n'
bad('empty line', {'stopwords/xx': HEAD + 'und\n\noder\n'}, 'stopwords/xx.txt:4', 'empty entry')
bad('blank entry', {'stopwords/xx': HEAD + 'und\n   \n'}, 'stopwords/xx.txt:4', 'empty entry')
bad('space inside', {'stopwords/xx': HEAD + 'und\nzum beispiel\n'}, 'stopwords/xx.txt:4',
    'white space inside')
bad('space around', {'stopwords/xx': HEAD + 'und \n'}, 'stopwords/xx.txt:3', 'around')
bad('tab in a phrase', {'boiler/p': '#! spaces: yes\nmehr zum\tthema\n'}, 'boiler/p.txt:2',
    'exactly one space')
bad('two spaces in a phrase', {'boiler/p': '#! spaces: yes\nok so\nmehr  zum\n'}, 'boiler/p.txt:3',
    'exactly one space')
bad('not NFC', {'stopwords/xx': HEAD + 'a\nu\u0308ber\n'}, 'stopwords/xx.txt:4', 'not in NFC')
bad('duplicate after folding', {'stopwords/xx': HEAD + 'der\ndie\nDer\n'}, 'stopwords/xx.txt:5',
    'duplicate of line 3')
bad('duplicate after casefold (sharp s)', {'stopwords/xx': HEAD + 'dass\ndaß\n'},
    'stopwords/xx.txt:4', 'duplicate of line 3')
bad('too long', {'stopwords/xx': HEAD + 'beziehungsweise\n'}, 'stopwords/xx.txt:3',
    'longer than 12 bytes')
bad('unknown value', {'abbrev/xx': '#! case: keep\n#! values: never may\nDr never\nusw often\n'},
    'abbrev/xx.txt:4', 'unknown value "often"')
bad('missing value', {'abbrev/xx': '#! values: never may\nDr\n'}, 'abbrev/xx.txt:2',
    'needs a value')
bad('unknown option', {'stopwords/xx': '#! sort: no\nund\n'}, 'stopwords/xx.txt:1', 'unknown option')
bad('option after entries', {'stopwords/xx': 'und\n#! case: keep\n'}, 'stopwords/xx.txt:2',
    'before the first entry')
bad('control character', {'stopwords/xx': 'und\no\x07der\n'}, 'stopwords/xx.txt:2', 'U+0007')
bad('invalid UTF-8', {'stopwords/xx': b'und\n\xc3(\n'}, 'stopwords/xx.txt:2', 'not valid UTF-8')
bad('no entries', {'stopwords/xx': '# nothing\n'}, 'stopwords/xx.txt:1', 'no entries')
bad('CRLF', {'stopwords/xx': 'und\r\n'}, 'stopwords/xx.txt:1', 'carriage return')

# a manifest naming a list badly
rc, err, c, h, d = run({'stopwords/xx': 'und\n'}, manifest='stopwords/xx\nstopwords\n')
if rc != 1 or os.path.join(d, 'lists.txt') + ':2:' not in err:
    failures.append('bad manifest line: got %d: %s' % (rc, err.strip()))

# a good set: folded, sorted, merged, with values
rc, err, c, h, d = run({
    'stopwords/xx': '# Stop words\nÜber\nder\nDAS\nStraße\n',
    'abbrev/xx': '#! case: keep\n#! values: never may\nusw may\nDr never\n',
    'boiler/nav': '#! case: lower\n#! merge: boiler/keywords\nMenü\nstart\n',
    'boiler/share': '#! case: lower\n#! merge: boiler/keywords\nstart\nteilen\n',
    'boiler/phrase-x': '#! case: lower\n#! spaces: yes\n#! merge: boiler/keywords first-word\n'
                       'Teilen Sie uns\nmehr zum thema\n',
})
if rc != 0:
    failures.append('good lists: exit %d: %s' % (rc, err.strip()))
else:
    def pool(name):
        s = c[c.index('/* %s: ' % name):]
        return s[:s.index(';')]
    sw = pool('stopwords/xx')
    order = [sw.index(x) for x in ('"das"', '"der"', '"strasse"', '"\\303\\274ber"')]
    if order != sorted(order):
        failures.append('stop words not folded and sorted by bytes: ' + sw)
    ab = pool('abbrev/xx')
    if ab.index('"Dr"') > ab.index('"usw"'):
        failures.append('case-sensitive list not sorted by bytes: ' + ab)
    if 'static const uint64_t val_0[] = {0x1u, 0x2u};' not in c:  # abbrev/xx: Dr never, usw may
        failures.append('values of abbrev/xx wrong:\n' + c)
    for line in ('#define KURZ__VAL_NEVER 1', '#define KURZ__VAL_MAY 2',
                 '#define KURZ__BIT_BOILER_NAV 0', '#define KURZ__BIT_BOILER_SHARE 1',
                 '#define KURZ__BIT_BOILER_PHRASE_X 2', '#define KURZ__BITS_BOILER_KEYWORDS 3',
                 'KURZ__WL_BOILER_KEYWORDS', 'KURZ__WL_STOPWORDS_XX'):
        if line not in h:
            failures.append('header lacks "%s":\n%s' % (line, h))
    kw = pool('boiler/keywords')
    # entries: mehr (phrase), menü (nav), start (nav|share), teilen (share|phrase)
    want = ['"mehr"', '"men\\303\\274"', '"start"', '"teilen"']
    if [kw.index(x) for x in want] != sorted(kw.index(x) for x in want):
        failures.append('merged list wrong: ' + kw)
    i = c.index('/* boiler/keywords: ')
    vals = c[c.index('static const uint64_t val_', i):].split('\n')[0]
    if '{0x4u, 0x1u, 0x3u, 0x6u}' not in vals:
        failures.append('merged values wrong: ' + vals)

for f in failures:
    print('FAIL', f)
print('%d checks failed' % len(failures) if failures else 'all checks passed')
sys.exit(1 if failures else 0)
