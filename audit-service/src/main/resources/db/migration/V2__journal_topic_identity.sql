-- A record is identified by its topic's Kafka id as well as its coordinates. Offsets start again at 0 when a topic is
-- recreated or the journal sees another broker (a wiped local-stack/data, a new Kafka volume, a second checkout using
-- the same database): by (topic, partition, offset) alone those records looked like redeliveries and were skipped.
-- Rows journaled before this migration keep a NULL topic_id (the journal is append-only: no backfill); every new row
-- must carry one.
ALTER TABLE journal_entry ADD COLUMN topic_id UUID;
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_has_topic_id CHECK (topic_id IS NOT NULL) NOT VALID;
ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_record;
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_record UNIQUE (topic_id, kafka_partition, kafka_offset);
