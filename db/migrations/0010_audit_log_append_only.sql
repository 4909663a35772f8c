-- The audit trail is append-only in the database itself, not just by convention in lib/audit:
-- UPDATE, DELETE and TRUNCATE on audit_log (and on the record of where its chain starts) are
-- refused by a trigger, whoever asks. The one way rows leave is audit_log_prune(), which
-- removes a verified prefix of the chain and records where the chain now starts.
-- A role that owns the table can still disable the trigger: the role split in README's
-- Security section and the signed anchors (lib/audit/anchor-audit-log.ts) cover that.

CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Set (transaction-locally) only by audit_log_prune, around its one DELETE.
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_log' AND current_setting('vigil.audit_prune', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION '% on % refused: the audit trail is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege', HINT = 'Old entries are removed only by audit_log_prune(before).';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_chain_start_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_chain_start
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
-- The genesis: the chain as it has always been, from the first row (prev_hash = 64 zeros).
INSERT INTO audit_chain_start (chain_id, after_seq, prev_hash, position)
  VALUES (gen_random_uuid(), 0, repeat('0', 64), 0);
--> statement-breakpoint
-- Retention for the audit trail. Removes the rows older than `before`, but only a prefix of
-- the chain and only up to the last verified checkpoint (so rows never checked can't be
-- removed unseen), then records where the chain now starts so verification still passes.
-- SECURITY DEFINER: with the role split, the app role may call this but can't DELETE itself.
CREATE OR REPLACE FUNCTION audit_log_prune(before timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  start audit_chain_start%ROWTYPE;
  verified bigint;
  cut bigint;
  cut_hash text;
  removed bigint;
BEGIN
  -- The same lock recordAudit takes: no row is appended while the start moves.
  PERFORM pg_advisory_xact_lock(hashtext('vigil.audit_log'));
  SELECT * INTO start FROM audit_chain_start ORDER BY id DESC LIMIT 1;
  SELECT max(seq) INTO verified FROM audit_checkpoint;
  -- The prefix: every row up to the newest one older than `before` (at is not strictly
  -- monotonic across writers, seq is).
  SELECT max(seq) INTO cut FROM audit_log WHERE at < before AND seq <= coalesce(verified, 0);
  IF cut IS NULL THEN
    RETURN 0;
  END IF;
  SELECT hash INTO cut_hash FROM audit_log WHERE seq = cut;
  PERFORM set_config('vigil.audit_prune', 'on', true);
  DELETE FROM audit_log WHERE seq <= cut;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('vigil.audit_prune', 'off', true);
  INSERT INTO audit_chain_start (chain_id, after_seq, prev_hash, position)
    VALUES (start.chain_id, cut, cut_hash, start.position + removed);
  RETURN removed;
END
$$;
