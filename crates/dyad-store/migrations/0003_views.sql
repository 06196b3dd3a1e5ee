-- Schema version 3: what the HTTP API's views read on a large store.
--
-- events_recent: pages of events newest first (date descending, then document and sentence; the row id ends every
-- index) without sorting the table. It also holds the filtered columns and the Goldstein score, so that a page, a
-- count or a timeline of a common actor is found by walking it alone, without reading the events it skips.
CREATE INDEX events_recent ON events(date DESC, doc_id, sentence, source, target, code, quad, mode, goldstein);

-- event_counts: events per day, actor pair and QuadClass, with the sum of their Goldstein scores. An actor is its
-- country, or its whole code when it has none (organisations); '' stands for an unknown date. Timelines, dyads,
-- actors and the network aggregate this table instead of the events. Triggers keep it equal to the events table
-- through every insert and delete (a replaced document's events are deleted by the cascade, which fires them too).
CREATE TABLE event_counts (
    date  TEXT NOT NULL,
    sk    TEXT NOT NULL,
    tk    TEXT NOT NULL,
    quad  INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    g     REAL NOT NULL,
    PRIMARY KEY (date, sk, tk, quad)
) WITHOUT ROWID;

INSERT INTO event_counts (date, sk, tk, quad, n, g)
SELECT coalesce(date, ''), coalesce(source_country, source), coalesce(target_country, target), quad, count(*),
       sum(goldstein)
FROM events GROUP BY 1, 2, 3, 4;

CREATE TRIGGER event_counts_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_counts (date, sk, tk, quad, n, g)
    VALUES (coalesce(new.date, ''), coalesce(new.source_country, new.source), coalesce(new.target_country, new.target),
            new.quad, 1, new.goldstein)
    ON CONFLICT (date, sk, tk, quad) DO UPDATE SET n = n + 1, g = g + excluded.g;
END;

CREATE TRIGGER event_counts_delete AFTER DELETE ON events BEGIN
    UPDATE event_counts SET n = n - 1, g = g - old.goldstein
    WHERE date = coalesce(old.date, '') AND sk = coalesce(old.source_country, old.source)
      AND tk = coalesce(old.target_country, old.target) AND quad = old.quad;
    DELETE FROM event_counts
    WHERE date = coalesce(old.date, '') AND sk = coalesce(old.source_country, old.source)
      AND tk = coalesce(old.target_country, old.target) AND quad = old.quad AND n <= 0;
END;

CREATE TRIGGER event_counts_update AFTER UPDATE OF date, source, source_country, target, target_country, quad, goldstein
ON events BEGIN
    UPDATE event_counts SET n = n - 1, g = g - old.goldstein
    WHERE date = coalesce(old.date, '') AND sk = coalesce(old.source_country, old.source)
      AND tk = coalesce(old.target_country, old.target) AND quad = old.quad;
    DELETE FROM event_counts
    WHERE date = coalesce(old.date, '') AND sk = coalesce(old.source_country, old.source)
      AND tk = coalesce(old.target_country, old.target) AND quad = old.quad AND n <= 0;
    INSERT INTO event_counts (date, sk, tk, quad, n, g)
    VALUES (coalesce(new.date, ''), coalesce(new.source_country, new.source), coalesce(new.target_country, new.target),
            new.quad, 1, new.goldstein)
    ON CONFLICT (date, sk, tk, quad) DO UPDATE SET n = n + 1, g = g + excluded.g;
END;
