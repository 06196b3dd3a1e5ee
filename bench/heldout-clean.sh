#!/usr/bin/env bash
# Scores the held-out gold files news2.jsonl and news3.jsonl without the sentences that a tuning session's task
# descriptions quoted (testdata/gold/quoted-in-tuning.txt): each such sentence is blanked and its events dropped, so
# neither its gold events nor the coder's output on it count.
#
# usage: bench/heldout-clean.sh [DYAD_BINARY]      (default: target/release/dyad, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/dyad}
[ -x "$bin" ] || cargo build --release -q
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import json, sys
out = sys.argv[1]
quoted = {}
for line in open('testdata/gold/quoted-in-tuning.txt'):
    line = line.strip()
    if not line or line.startswith('#'):
        continue
    f, rest = line.split(':', 1)
    doc, s = rest.rsplit('#', 1)
    quoted.setdefault(f, set()).add((doc, int(s)))
for f in ('news2', 'news3'):
    with open(f'{out}/{f}-clean.jsonl', 'w') as w:
        for l in open(f'testdata/gold/{f}.jsonl'):
            d = json.loads(l)
            bad = {s for (doc, s) in quoted.get(f, ()) if doc == d['id']}
            for s in bad:
                d['sentences'][s] = '.'
            d['events'] = [e for e in d['events'] if e['s'] not in bad]
            d['no_event_sentences'] = sorted(set(d.get('no_event_sentences', [])) | bad)
            w.write(json.dumps(d) + '\n')
PY
"$bin" eval --markdown "$tmp/news2-clean.jsonl" "$tmp/news3-clean.jsonl"
