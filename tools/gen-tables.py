#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Turns the word lists under data/ into C tables (run by meson at build time).

Usage: gen-tables.py MANIFEST OUT.c OUT.h [little|big]

The last argument is the byte order of the machine the tables are for
(default little): the hash reads words eight bytes at a time.

MANIFEST (data/lists.txt) names one list a line, "kind/language" (or
"kind/name"); the list's words are in the file kind/language.txt next to the
manifest. Lines starting with '#' are comments.

A list file holds one entry a line. Lines starting with "#!" set options for
the whole file (before its first entry); other lines starting with '#' are
comments. Options:
  #! case: fold     entries are folded to NFC + casefold (the default; the
                    tokenizer folds words the same way)
  #! case: lower    entries are lowered (Unicode lower case), for code that
                    lowers the words it looks up
  #! case: keep     case-sensitive: entries are kept as written
  #! spaces: yes    an entry may hold single spaces between its words
  #! max-bytes: N   no entry is longer than N bytes (UTF-8)
  #! values: A B .. every entry is followed by a space and one of these
                    names; in C the value is the name's position from 1
                    (KURZ__VAL_A = 1, ...)
  #! merge: T [first-word]
                    also put the entries (or, with first-word, the first
                    word of each) into the merged list T: an entry of T
                    carries as its value the bit set of the lists it came
                    from, bit k for the k-th list merged into T in manifest
                    order (KURZ__BIT_<LIST>)

Every entry is checked: not empty, no white space around it, no white space
inside it (but single spaces with "spaces: yes"), no control character, NFC,
within max-bytes, and listed once after normalisation. A bad entry stops the
build with FILE:LINE: message. The tables are sorted by bytes (memcmp order),
and each list gets an open-addressing hash table over its entries (at most
half full), hashed with lib/hash.h's kurz__hash_bytes at seed 0, which
hash_bytes() below computes the same way (lib/wordlist.c looks them up).

Python 3 standard library only.
"""
import os
import sys
import unicodedata


class DataError(Exception):
    pass


def fail(path, line, msg):
    raise DataError('%s:%d: %s' % (path, line, msg))


def c_ident(name):
    return ''.join(ch if ch.isalnum() else '_' for ch in name).upper()


class WordList:
    def __init__(self, name):
        self.name = name
        self.entries = {}   # bytes -> value
        self.where = {}     # bytes -> line number (for duplicate errors)
        self.case = 'fold'
        self.spaces = False
        self.max_bytes = None
        self.values = None
        self.merge = None   # (target, first_word)
        self.has_values = False


def parse_option(wl, path, lineno, text):
    key, sep, val = text.partition(':')
    key, val = key.strip(), val.strip()
    if not sep or not val:
        fail(path, lineno, 'option "%s" needs "name: value"' % text)
    if key == 'case':
        if val not in ('fold', 'lower', 'keep'):
            fail(path, lineno, 'case must be fold, lower or keep, not "%s"' % val)
        wl.case = val
    elif key == 'spaces':
        if val not in ('yes', 'no'):
            fail(path, lineno, 'spaces must be yes or no')
        wl.spaces = val == 'yes'
    elif key == 'max-bytes':
        if not val.isdigit() or int(val) < 1:
            fail(path, lineno, 'max-bytes must be a positive number')
        wl.max_bytes = int(val)
    elif key == 'values':
        names = val.split()
        if len(set(names)) != len(names) or not all(n.isidentifier() for n in names):
            fail(path, lineno, 'values must be distinct identifiers')
        wl.values = names
        wl.has_values = True
    elif key == 'merge':
        parts = val.split()
        if len(parts) not in (1, 2) or (len(parts) == 2 and parts[1] != 'first-word'):
            fail(path, lineno, 'merge takes a list name and optionally first-word')
        wl.merge = (parts[0], len(parts) == 2)
    else:
        fail(path, lineno, 'unknown option "%s"' % key)


def normalise(wl, s):
    if wl.case == 'fold':
        return unicodedata.normalize('NFC', s.casefold())
    if wl.case == 'lower':
        return unicodedata.normalize('NFC', s.lower())
    return s


def read_list(name, path):
    wl = WordList(name)
    try:
        with open(path, 'rb') as f:
            raw = f.read()
    except OSError as e:
        raise DataError('%s: cannot read: %s' % (path, e.strerror))
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b'\n') + 1
        fail(path, line, 'not valid UTF-8')
    if text.startswith('\ufeff'):
        fail(path, 1, 'byte order mark at the start of the file')
    lines = text.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    seen_entry = False
    for lineno, line in enumerate(lines, 1):
        if line.endswith('\r'):
            fail(path, lineno, 'carriage return (write plain \\n line ends)')
        if line.startswith('#!'):
            if seen_entry:
                fail(path, lineno, 'options must come before the first entry')
            parse_option(wl, path, lineno, line[2:].strip())
            continue
        if line.startswith('#'):
            continue
        seen_entry = True
        entry, value = line, 0
        if wl.values is not None:
            entry, sep, vname = line.rpartition(' ')
            if not sep:
                fail(path, lineno, 'entry needs a value (one of: %s)' % ' '.join(wl.values))
            if vname not in wl.values:
                fail(path, lineno, 'unknown value "%s" (one of: %s)' % (vname, ' '.join(wl.values)))
            value = wl.values.index(vname) + 1
        if entry == '' or entry.isspace():
            fail(path, lineno, 'empty entry')
        if entry != entry.strip():
            fail(path, lineno, 'white space around the entry')
        if wl.spaces:
            if '  ' in entry or any(ch.isspace() and ch != ' ' for ch in entry):
                fail(path, lineno, 'words must be joined by exactly one space')
        elif any(ch.isspace() for ch in entry):
            fail(path, lineno, 'white space inside the entry')
        for ch in entry:
            if unicodedata.category(ch) in ('Cc', 'Cf', 'Cs', 'Co', 'Cn', 'Zl', 'Zp'):
                fail(path, lineno, 'control or unassigned character U+%04X' % ord(ch))
        if not unicodedata.is_normalized('NFC', entry):
            fail(path, lineno, 'entry is not in NFC')
        key = normalise(wl, entry).encode('utf-8')
        if wl.max_bytes is not None and len(key) > wl.max_bytes:
            fail(path, lineno, 'entry longer than %d bytes' % wl.max_bytes)
        if key in wl.entries:
            fail(path, lineno, 'duplicate of line %d ("%s")' % (wl.where[key], key.decode('utf-8')))
        wl.entries[key] = value
        wl.where[key] = lineno
    if not wl.entries:
        fail(path, max(len(lines), 1), 'the list has no entries')
    return wl


def read_manifest(path):
    names = []
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            parts = line.split('/')
            if len(parts) != 2 or not all(parts) or any(
                    not all(ch.isalnum() or ch in '-_' for ch in p) for p in parts):
                fail(path, lineno, 'a list is named kind/language, not "%s"' % line)
            if line in names:
                fail(path, lineno, 'list "%s" named twice' % line)
            names.append(line)
    return names


def build(manifest):
    base = os.path.dirname(manifest)
    names = read_manifest(manifest)
    lists = {}
    for name in names:
        lists[name] = read_list(name, os.path.join(base, name + '.txt'))
    # merged lists
    merged = {}
    bits = []  # (member, target, bit)
    for name in names:
        wl = lists[name]
        if not wl.merge:
            continue
        target, first = wl.merge
        if target in lists:
            raise DataError('%s: merge target "%s" is also a list file' % (manifest, target))
        m = merged.setdefault(target, WordList(target))
        m.has_values = True
        bit = sum(1 for b in bits if b[1] == target)
        if bit >= 63:
            raise DataError('%s: more than 63 lists merged into "%s"' % (manifest, target))
        bits.append((name, target, bit))
        for key in wl.entries:
            k = key.split(b' ')[0] if first else key
            m.entries[k] = m.entries.get(k, 0) | (1 << bit)
    for t, m in merged.items():
        lists[t] = m
    return lists, bits


M64 = (1 << 64) - 1
HASH_K = 0xff51afd7ed558ccd


def hash_mix(h):
    h ^= h >> 33
    h = (h * 0xff51afd7ed558ccd) & M64
    h ^= h >> 33
    h = (h * 0xc4ceb9fe1a85ec53) & M64
    h ^= h >> 33
    return h


def hash_bytes(p, order, seed=0):
    """kurz__hash_bytes of lib/hash.h."""
    n = len(p)
    h = seed ^ ((n * 0x100000001b3) & M64)
    i = 0
    while n - i >= 8:
        w = int.from_bytes(p[i:i + 8], order)
        h = ((h ^ w) * HASH_K) & M64
        h ^= h >> 32
        i += 8
    r = n % 8
    if r == 0:
        return hash_mix(h)
    tail = p[n - r:]
    # memcpy of r bytes into a zeroed 64-bit word
    w = int.from_bytes(tail + bytes(8 - r), order)
    return hash_mix(((h ^ w) * HASH_K) & M64)


def hash_table(keys, order):
    cap = 4
    while cap < 2 * len(keys):
        cap *= 2
    slots = [0] * cap
    for i, k in enumerate(keys):
        j = hash_bytes(k, order) & (cap - 1)
        while slots[j]:
            j = (j + 1) & (cap - 1)
        slots[j] = i + 1
    return slots


def c_string(b):
    out = []
    for byte in b:
        if byte < 0x20 or byte >= 0x7f or byte in (0x22, 0x5c, 0x3f):
            out.append('\\%03o' % byte)
        else:
            out.append(chr(byte))
    return '"' + ''.join(out) + '"'


def write(lists, bits, out_c, out_h, manifest, byteorder):
    order = sorted(lists, key=lambda n: n.encode('utf-8'))
    values = {}
    for n in order:
        wl = lists[n]
        for i, v in enumerate(wl.values or [], 1):
            if values.get(v, i) != i:
                raise DataError('%s: value "%s" means %d in one list and %d in another'
                                % (manifest, v, values[v], i))
            values[v] = i
    h = []
    h.append('/* Generated by tools/gen-tables.py from %s: do not edit. */' % os.path.basename(manifest))
    h.append('#ifndef KURZ_LISTS_H\n#define KURZ_LISTS_H\n')
    h.append('enum {')
    for i, n in enumerate(order):
        h.append('    KURZ__WL_%s = %d, /* %s */' % (c_ident(n), i, n))
    h.append('    KURZ__WL_COUNT = %d\n};\n' % len(order))
    for v, i in sorted(values.items(), key=lambda x: x[1]):
        h.append('#define KURZ__VAL_%s %d' % (c_ident(v), i))
    counts = {}
    for member, target, bit in bits:
        h.append('#define KURZ__BIT_%s %d /* in %s */' % (c_ident(member), bit, target))
        counts[target] = bit + 1
    for t, c in counts.items():
        h.append('#define KURZ__BITS_%s %d' % (c_ident(t), c))
    h.append('\n#endif /* KURZ_LISTS_H */\n')

    c = []
    c.append('/* Generated by tools/gen-tables.py from %s: do not edit. */' % os.path.basename(manifest))
    c.append('#include "kurz-private.h"\n')
    for i, n in enumerate(order):
        wl = lists[n]
        keys = sorted(wl.entries)
        c.append('/* %s: %d entries */' % (n, len(keys)))
        c.append('static const char pool_%d[] =' % i)
        offs, o = [], 0
        for k in keys:
            c.append('    %s "\\0"' % c_string(k))
            offs.append(o)
            o += len(k) + 1
        offs.append(o)
        c.append('    ;')
        c.append('static const uint32_t off_%d[] = {%s};' % (i, ', '.join(map(str, offs))))
        if wl.has_values:
            c.append('static const uint64_t val_%d[] = {%s};'
                     % (i, ', '.join('0x%xu' % wl.entries[k] for k in keys)))
        slots = hash_table(keys, byteorder)
        c.append('static const uint32_t slot_%d[%d] = {%s};' % (i, len(slots), ', '.join(map(str, slots))))
    c.append('\nconst kurz__wordlist kurz__lists[KURZ__WL_COUNT] = {')
    for i, n in enumerate(order):
        wl = lists[n]
        maxlen = max(len(k) for k in wl.entries)
        slots = 4
        while slots < 2 * len(wl.entries):
            slots *= 2
        c.append('    {%s, pool_%d, off_%d, %s, slot_%d, %d, %d, %d},'
                 % (c_string(n.encode()), i, i, 'val_%d' % i if wl.has_values else 'NULL', i,
                    slots - 1, len(wl.entries), maxlen))
    c.append('};\n')
    for path, lines in ((out_h, h), (out_c, c)):
        tmp = path + '.tmp'
        with open(tmp, 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines))
        os.replace(tmp, path)


def main(argv):
    if len(argv) not in (4, 5) or (len(argv) == 5 and argv[4] not in ('little', 'big')):
        sys.stderr.write(__doc__)
        return 2
    manifest, out_c, out_h = argv[1:4]
    order = argv[4] if len(argv) == 5 else 'little'
    try:
        lists, bits = build(manifest)
        write(lists, bits, out_c, out_h, manifest, order)
    except DataError as e:
        sys.stderr.write('gen-tables: %s\n' % e)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
