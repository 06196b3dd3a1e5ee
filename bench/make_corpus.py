#!/usr/bin/env python3
"""Builds a benchmark corpus of at least N words (JSON Lines) by repeating dyad's own sample corpus.

usage: make_corpus.py WORDS OUT.jsonl
Each copy of a sample article gets a unique id, so every document is coded on its own."""
import json, os, sys

def sample_docs(root):
    docs = []
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if name.endswith('.jsonl'):
                for line in open(path, encoding='utf-8'):
                    if line.strip():
                        d = json.loads(line)
                        docs.append({'id': str(d['id']), 'date': d.get('date'), 'title': d.get('title'),
                                     'text': d.get('text') or '\n'.join(d.get('sentences', []))})
            elif name.endswith('.txt'):
                text = open(path, encoding='utf-8').read()
                if text.startswith('Article Number:'):
                    for art in text.split('Article Number:')[1:]:
                        lines = [l for l in art.strip().split('\n') if l.strip()]
                        ident = lines[0].strip()
                        body = [l for l in lines[1:] if not l.startswith(('Date:', 'URL:', 'Publisher:'))]
                        date = next((l[5:].strip() for l in lines[1:] if l.startswith('Date:')), None)
                        docs.append({'id': ident, 'date': date, 'title': body[0], 'sentences': body[1:]})
                else:
                    docs.append({'id': name, 'text': text})
    return docs

def main():
    words, out = int(sys.argv[1]), sys.argv[2]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'testdata', 'sample')
    docs = sample_docs(root)
    total = n = 0
    with open(out, 'w', encoding='utf-8') as f:
        while total < words:
            for d in docs:
                e = dict(d)
                e['id'] = f"{d['id']}#{n}"
                f.write(json.dumps(e, ensure_ascii=False) + '\n')
                total += len((e.get('text') or ' '.join(e.get('sentences', []))).split())
                total += len((e.get('title') or '').split())
                n += 1
    print(f"{out}: {n} documents, {total} words")

main()
