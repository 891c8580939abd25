-- A relay that does not see the broker's acknowledgements (a leader failover, an acknowledgement time-out, a relay
-- frozen past its lock) sends its batch again: the same event then sits on its topic twice, at two offsets. The
-- journal keeps both records (it is a journal of records) but marks the later one as a resent copy of an event it
-- already holds from that topic, so "each event once" is a question the journal can answer: the rows that are neither
-- resent nor replayed. Rows journaled before this migration are not marked (the journal is append-only: no backfill).
ALTER TABLE journal_entry ADD COLUMN resent BOOLEAN NOT NULL DEFAULT FALSE;
