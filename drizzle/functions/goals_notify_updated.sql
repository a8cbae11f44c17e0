-- goals_notify_updated: its current definition, edited here only (docs/sql-functions.md).
-- Only real changes (the version moved): a write that changed nothing a subscriber sees is silent.
-- Trigger function of goals_notify_updated (AFTER UPDATE ON goals).
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0002.
CREATE OR REPLACE FUNCTION goals_notify_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_ids('goal', (SELECT array_agg(n.id ORDER BY n.id)
    FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.version <> o.version));
  RETURN NULL;
END
$$;
