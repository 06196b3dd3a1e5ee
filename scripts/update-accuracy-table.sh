#!/usr/bin/env bash
# Rewrites the README's accuracy table from what `dyad eval --markdown` prints now (run after changing the coder or
# the dictionaries; the test `readme_accuracy_table_is_current` fails until the table is current).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
files=()
[ -f ../shared/seed/article-610.gold.json ] && files+=(../shared/seed/article-610.gold.json)
files+=(testdata/gold/*.jsonl)
for s in plover_gsr petrarch_gsr; do [ -f "../shared/reference/suites/$s.jsonl" ] && files+=("../shared/reference/suites/$s.jsonl"); done
rows=$(./target/release/dyad eval --markdown "${files[@]}")
python3 - "$rows" <<'PY'
import re, sys
rows = sys.argv[1].strip()
s = open('README.md').read()
head = '| file | sentences | required events | P | R | F1 | strict F1 |\n|---|---|---|---|---|---|---|\n'
s = re.sub(r'(<!-- accuracy:start -->\n).*?(<!-- accuracy:end -->)', lambda m: m.group(1) + head + rows + '\n' + m.group(2), s, flags=re.S)
open('README.md', 'w').write(s)
PY
echo "README accuracy table updated:"; echo "$rows"
