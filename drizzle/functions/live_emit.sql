-- live_emit: its current definition, edited here only (docs/sql-functions.md).
-- The one entry point of every notification trigger: appends the payload to the change log
-- (migration 0007) while any listener is registered.
-- One row per transaction, not per message (issue 20): a sale's rollup, goal and badge messages
-- share a row, so a writer inserts one row, wakes once at commit (live_changes_wake fires per
-- inserted row) and asks for listeners once. The messages of a row are joined by chr(30) (ASCII
-- RS, as in RFC 7464): valid JSON text never holds it raw (control characters are escaped inside
-- strings, and only space, tab, CR and LF may stand outside them); the bridge splits on it
-- (api/live/feed/messages.ts, splitRow). A row takes messages while it stays under 2,000 bytes,
-- stored inline (no TOAST); a message that does not fit starts the transaction's next row, so a
-- large transaction costs what it did before, never a rewrite of an ever longer payload.
-- Which row is open is the transaction-local setting pulse.live_row (its ctid, which moves at
-- every update): the append is a TID lookup whatever the transaction has logged, and a rolled
-- back savepoint restores the setting with the row. Set: the transaction logs (a listener was
-- registered when it began to); unset: the listener check decides.
-- Earlier definitions (git history; squashed into 0000_baseline): migration 0007.
CREATE OR REPLACE FUNCTION live_emit(payload text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  open_row tid := nullif(current_setting('pulse.live_row', true), '')::tid;
  row_at tid;
BEGIN
  IF open_row IS NOT NULL THEN
    UPDATE live_changes c SET payload = c.payload || chr(30) || live_emit.payload
      WHERE c.ctid = open_row AND c.xid = pg_current_xact_id()
        AND octet_length(c.payload) + 1 + octet_length(live_emit.payload) < 2000
      RETURNING c.ctid INTO row_at;
  ELSIF NOT EXISTS (SELECT 1 FROM live_listeners WHERE expires_at > now()) THEN
    RETURN;
  END IF;
  IF row_at IS NULL THEN
    INSERT INTO live_changes (payload) VALUES (payload) RETURNING ctid INTO row_at;
  END IF;
  PERFORM set_config('pulse.live_row', row_at::text, true);
END
$$;
