"""A small seeded generator of news-like documents, written for dyad's tests and benchmarks (our own sentences).

    python gen_corpus.py N OUT.jsonl [SEED]

Each document has an id, usually a date and a title, and three to six sentences drawn from templates that name
states, leaders and institutions, with verbs the coder knows and sentences that hold no event."""

from __future__ import annotations

import json
import random
import sys
from typing import Dict, List, Optional

ACTORS = [
    "China", "Belarus", "Japan", "North Korea", "the United States", "Russia", "Ukraine", "France", "Germany",
    "Kenya", "Ethiopia", "Brazil", "Argentina", "India", "Pakistan", "Turkey", "Iran", "Israel", "Egypt",
    "President Xi Jinping", "Belarusian President Alexander Lukashenko", "the Russian Foreign Ministry",
    "the Chinese side", "Japanese Prime Minister", "the Ukrainian military", "Indian police",
    "the United Nations", "NATO", "the European Union", "the African Union", "Kenyan Foreign Minister",
    "the French Defence Ministry", "Brazilian President", "the Turkish government", "Egyptian officials",
]

EVENTS = [
    "{a} had a phone conversation with {b}.",
    "{a} met with {b} in the capital on {day}.",
    "{a} condemned {b} for the border incident.",
    "{a} accused {b} of interfering in its internal affairs.",
    "{a} signed a trade agreement with {b}.",
    "{a} expelled two diplomats from {b} on {day}.",
    "{a} praised {b} for its help after the floods.",
    "{a} said it was ready to cooperate with {b} on energy.",
    "{a} urged {b} to return to talks.",
    "{a} held talks with {b} on regional security.",
    "{a} imposed new sanctions on {b}.",
    "{a} threatened {b} with retaliation.",
    "{a} shelled positions held by {b} overnight.",
    "{a} rejected the proposal from {b}.",
    "{a} hosted a delegation from {b} last week.",
    "{a} and {b} agreed to expand cooperation in agriculture.",
    "{a} criticized {b} over the new tariffs.",
    "{a} will visit {b} next month.",
    "{a} sent humanitarian aid to {b}.",
    "{a} warned {b} against further escalation.",
]

FILLER = [
    "The weather in the region remained dry for most of the week.",
    "Markets closed slightly higher on the news.",
    "Further details were not immediately available.",
    "The meeting lasted about two hours, according to a statement.",
    "Analysts expect more announcements in the coming days.",
    "Both capitals have seen large public celebrations this year.",
]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generate(n: int, seed: int = 7) -> List[Dict[str, Optional[str]]]:
    """`n` documents, the same for the same seed."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            if rng.random() < 0.25:
                sentences.append(rng.choice(FILLER))
                continue
            a, b = rng.sample(ACTORS, 2)
            s = rng.choice(EVENTS).format(a=a, b=b, day=rng.choice(DAYS))
            sentences.append(s[0].upper() + s[1:])
        date = None
        if rng.random() < 0.8:
            date = f"{rng.randint(2012, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = None
        if rng.random() < 0.5:
            a, b = rng.sample(ACTORS, 2)
            title = f"{a} and {b} in talks"
            title = title[0].upper() + title[1:]
        docs.append({"id": f"g-{i:06d}", "date": date, "title": title, "text": " ".join(sentences)})
    return docs


def write_jsonl(docs: List[Dict[str, Optional[str]]], path: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({k: v for k, v in d.items() if v is not None}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    n, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    write_jsonl(generate(n, seed), out)
    print(f"{out}: {n} documents")
