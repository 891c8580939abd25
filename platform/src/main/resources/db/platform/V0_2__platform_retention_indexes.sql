-- Retention (eventshop.retention.*) deletes published outbox rows and old processed-event ids; these indexes let it
-- find them without scanning the tables. The relay's own queries use outbox_unpublished (V0_1), which only holds
-- what is still to be sent, so it stays small however large the table grows between two retention runs.
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
