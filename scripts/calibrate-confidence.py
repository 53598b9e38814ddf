#!/usr/bin/env python3
"""Calibrates extraction confidence on the dev sets (PolNeAR dev + the corpus gold).

Usage:
  cargo run --no-default-features --example statement_rules -- \\
      ../shared/corpus/*.txt ../shared/polnear/dev/text/*.txt > /tmp/statements.jsonl
  python3 scripts/calibrate-confidence.py /tmp/statements.jsonl [--write]

A statement is right when, in a gold file, it matches a gold statement (quotes by overlap of at
least half, reported speech by any overlap) with the same government and speaker (the full name
or the surname as a whole word); and, in PolNeAR, when it matches an attribution content (IoU >=
0.5, or 80% of it inside) and its speaker mention overlaps that attribution's source. Statements
of non-government speakers in gold files that match no gold statement are left out (the gold
lists government statements only). Classes are (rule, kind of mention, resolved); --write stores
their counts in assets/confidence.ron. It prints a reliability table in-sample and for a split
half (classes counted on one half of the articles, checked on the other).
"""
import collections
import glob
import hashlib
import json
import os
import re
import sys

SHARED = os.path.join(os.path.dirname(__file__), '..', '..', 'shared')
NAMES = {}


def government_names():
    text = open(os.path.join(os.path.dirname(__file__), '..', 'assets', 'governments.ron'), encoding='utf-8').read()
    for iso3, name in re.findall(r'iso3: "([A-Z]{3})"[^)]*?name: "([^"]+)"', text):
        NAMES[iso3] = name


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def content_match(pred, gold):
    inter = sum(overlap(pred, g) for g in gold)
    glen = sum(b - a for a, b in gold)
    plen = pred[1] - pred[0]
    return inter * 2 >= max(glen + plen - inter, 1) or (plen > 0 and inter * 5 >= plen * 4)


def parse_ann(path):
    spans, rels = {}, []
    for line in open(path, encoding='utf-8'):
        cols = line.rstrip('\n').split('\t')
        if cols[0].startswith('T') and len(cols) >= 2:
            kind, _, ranges = cols[1].partition(' ')
            try:
                spans[cols[0]] = [tuple(map(int, p.split())) for p in ranges.split(';')]
            except ValueError:
                pass
        elif cols[0].startswith('E') and len(cols) >= 2:
            rels.append(dict(p.split(':', 1) for p in cols[1].split() if ':' in p))
    out = []
    for rel in rels:
        content = [r for role, t in rel.items() if role.startswith('Content') for r in spans.get(t, [])]
        source = [r for role, t in rel.items() if role == 'Source' for r in spans.get(t, [])]
        if content:
            out.append((content, source))
    return out


def speaker_ok(pred, gold):
    if not pred:
        return False
    return pred == gold or re.search(r'\b' + re.escape(gold.split()[-1]) + r'\b', pred) is not None


def judge(rows):
    gold = {}
    for p in glob.glob(os.path.join(SHARED, 'corpus', 'gold', '*.gold.json')):
        d = json.load(open(p, encoding='utf-8'))
        gold[d['file']] = d['statements']
    anns = {}
    for p in sorted(glob.glob(os.path.join(SHARED, 'polnear', 'dev', 'attributions', '*.ann'))):
        anns.setdefault(os.path.basename(p)[:-4].rsplit('_', 1)[0], p)
    parsed = {}
    out = []
    for r in rows:
        base = os.path.basename(r['file'])
        if base in gold:
            hits = []
            for g in gold[base]:
                for a, b in r['spans']:
                    indirect = r['kind'] == 'indirect' or g['kind'] == 'indirect'
                    if overlap((a, b), (g['start'], g['end'])) > 0 if indirect else content_match((a, b), [(g['start'], g['end'])]):
                        hits.append(g)
                        break
            if r['group'] != 'government' and not hits:
                continue
            names = [NAMES.get(x, x) for x in r['governments']]
            right = any(g['government'] in names and speaker_ok(r['speaker'], g['speaker']) for g in hits)
        elif '/polnear/' in r['file'] and base[:-4] in anns:
            art = base[:-4]
            if art not in parsed:
                parsed[art] = parse_ann(anns[art])
            m = r['mention']
            right = any(content_match((a, b), c) and m and any(overlap(tuple(m), s) > 0 for s in src)
                        for a, b in r['spans'] for c, src in parsed[art])
        else:
            continue
        rule = r['rule'].removeprefix('Some(').removesuffix(')')
        out.append(((rule, r['mention_kind'], r['resolved']), right, r['file']))
    return out


def table(judged):
    counts = collections.defaultdict(lambda: [0, 0])
    for key, right, _ in judged:
        counts[key][0] += right
        counts[key][1] += 1
    return counts


def smooth(counts, prior, weight):
    return {k: min(max((r + prior * weight) / (n + weight), 0.01), 0.99) for k, (r, n) in counts.items()}


def reliability(judged, conf, title):
    bins = collections.defaultdict(lambda: [0, 0, 0.0])
    for key, right, _ in judged:
        c = conf.get(key)
        if c is None:
            continue
        b = min(int(c * 10), 9)
        bins[b][0] += 1
        bins[b][1] += right
        bins[b][2] += c
    print(f'\n{title}\n| shown confidence | statements | mean shown | right |\n|---|---|---|---|')
    for b in sorted(bins):
        n, ok, total = bins[b]
        print(f'| {b * 10}-{b * 10 + 10}% | {n} | {total / n:.2f} | {ok / n:.2f} |')


def main():
    government_names()
    rows = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]
    judged = judge(rows)
    weight = 3.0
    prior = sum(r for _, r, _ in judged) / max(len(judged), 1)
    counts = table(judged)
    for key in sorted(counts):
        r, n = counts[key]
        print(f'{key[0]:24} {key[1]:12} resolved={key[2]!s:5} n={n:4} right={r / n:.2f}')
    reliability(judged, smooth(counts, prior, weight), 'In sample (dev sets):')
    half = lambda f: int(hashlib.sha1(f.encode()).hexdigest(), 16) % 2
    fit = [j for j in judged if half(j[2]) == 0]
    check = [j for j in judged if half(j[2]) == 1]
    fitted = smooth(table(fit), prior, weight)
    reliability(check, fitted, 'Split half (counted on one half of the articles, checked on the other):')
    if '--write' in sys.argv:
        path = os.path.join(os.path.dirname(__file__), '..', 'assets', 'confidence.ron')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('// Confidence per class of statements: rule, kind of speaker mention, and whether the\n')
            f.write('// speaker was resolved; `right` of `n` statements of the class were right on the dev sets\n')
            f.write('// (PolNeAR dev + corpus gold). Written by scripts/calibrate-confidence.py; see BENCHMARKS.md.\n')
            f.write(f'(\n    prior: {prior:.3f},\n    prior_weight: {weight},\n    rows: [\n')
            for key in sorted(counts):
                r, n = counts[key]
                f.write(f'        (rule: {key[0]}, mention: {key[1]}, resolved: {str(key[2]).lower()}, right: {r}, n: {n}),\n')
            f.write('    ],\n)\n')


if __name__ == '__main__':
    main()
