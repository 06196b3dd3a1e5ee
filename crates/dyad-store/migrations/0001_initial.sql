-- Schema version 1: documents with their sentences, actor mentions, events (with the `dyad code` JSON line),
-- and a full-text index of sentences.
CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    title        TEXT,
    date         TEXT,
    url          TEXT,
    publisher    TEXT,
    sentences    TEXT NOT NULL,          -- JSON array of the sentences, as read
    hash         TEXT NOT NULL,          -- content hash: a changed document replaces the stored one
    coder        TEXT NOT NULL,
    dictionaries TEXT NOT NULL,
    ingested_at  TEXT NOT NULL
);

CREATE TABLE mentions (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER,                    -- NULL in the title
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    code     TEXT NOT NULL,
    country  TEXT,
    agent    TEXT,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    via      TEXT NOT NULL,
    entry    TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_code ON mentions(code);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence       INTEGER,
    date           TEXT,
    source         TEXT NOT NULL,
    source_country TEXT,
    target         TEXT NOT NULL,
    target_country TEXT,
    code           TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad           INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    mode           TEXT NOT NULL,
    rule           TEXT NOT NULL,
    json           TEXT NOT NULL         -- the event exactly as `dyad code` writes it
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_source ON events(source);
CREATE INDEX events_target ON events(target);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_code ON events(code);

CREATE VIRTUAL TABLE sentences_fts USING fts5(doc_id UNINDEXED, sentence UNINDEXED, text);
