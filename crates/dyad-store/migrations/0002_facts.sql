-- Schema version 2: the relations register. One row per fact found in a sentence (`dyad facts` output), with its
-- pair of actors, type, normalised value (JSON) and comparable key, the words that carry it and the rule that fired.
CREATE TABLE facts (
    id       INTEGER PRIMARY KEY,
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER,                    -- NULL in the title
    date     TEXT,
    a        TEXT NOT NULL,              -- the pair, as the sentence names it
    b        TEXT NOT NULL,
    type     TEXT NOT NULL,              -- ties, level, project, area, quantity, stance
    key      TEXT NOT NULL,              -- the value's comparable key
    value    TEXT NOT NULL,              -- the normalised value, JSON
    text     TEXT NOT NULL,
    start    INTEGER NOT NULL,           -- character offsets in the sentence
    end      INTEGER NOT NULL,
    rule     TEXT NOT NULL
);
CREATE INDEX facts_doc ON facts(doc_id);
CREATE INDEX facts_pair ON facts(a, b);
