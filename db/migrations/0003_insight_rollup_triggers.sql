-- Keeps the insight_* rollups (db/schema/analytics.ts) equal to incident and alert at every commit.
-- Statement-level triggers with transition tables: one aggregated upsert per statement, so a
-- 1,000-row insert costs one pass, not 1,000; an update adds the new row and subtracts the old;
-- groups whose deltas are all zero (e.g. a description edit) touch no rollup row.
-- Measures are bigint arrays indexed by incident type (enum order, 1-based).

-- SQL text helpers, generic over the number of incident types (read from the enum when the SQL is built).
-- ARRAY[sum(col) for type 1, …, for type k] over the rows of a group.
CREATE OR REPLACE FUNCTION insight_arr_sql(col text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT 'ARRAY[' || string_agg(format('coalesce(sum(%s) FILTER (WHERE ti = %s), 0)', col, i), ', ' ORDER BY i) || ']::bigint[]'
  FROM generate_series(1, cardinality(enum_range(NULL::incident_type))) AS i
$$;
--> statement-breakpoint
-- Element-wise t.col + excluded.col for an upsert (older, shorter arrays count as zeros).
CREATE OR REPLACE FUNCTION insight_add_sql(col text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT format('%1$s = ARRAY[', col)
    || string_agg(format('coalesce(t.%1$s[%2$s], 0) + coalesce(excluded.%1$s[%2$s], 0)', col, i), ', ' ORDER BY i) || ']::bigint[]'
  FROM generate_series(1, cardinality(enum_range(NULL::incident_type))) AS i
$$;
--> statement-breakpoint
-- The one statement that applies incident rows (with a sign: +1 added, -1 removed) to every rollup.
-- src is a query over incident-shaped rows plus a "sign" column.
CREATE OR REPLACE FUNCTION insight_incident_apply_sql(src text) RETURNS text LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  zero text := format('array_fill(0::bigint, ARRAY[%s])', cardinality(enum_range(NULL::incident_type)));
  m text[] := ARRAY['n', 'loss', 'recovered', 'confirmed', 'unfounded', 'referred', 'closed', 'triaged', 'triage_seconds'];
  measures text;
  nonzero text;
  updates text;
BEGIN
  SELECT string_agg(insight_arr_sql(CASE c WHEN 'n' THEN 'sign' ELSE c END) || ' AS ' || c, ', '),
         string_agg(format('%s <> %s', c, zero), ' OR '),
         string_agg(insight_add_sql(c), ', ')
    INTO measures, nonzero, updates
  FROM unnest(m) AS c;
  RETURN format($q$
WITH src AS (%1$s),
types AS (SELECT e, i::int AS ti FROM unnest(enum_range(NULL::incident_type)) WITH ORDINALITY AS t(e, i)),
d AS (
  SELECT s.id AS store_id, s.region_id, (x.occurred_at AT TIME ZONE s.timezone) AS lt, ty.ti,
    x.sign::bigint AS sign,
    x.loss_pence::bigint * x.sign AS loss,
    x.recovered_pence::bigint * x.sign AS recovered,
    CASE WHEN x.status = 'confirmed' THEN x.sign ELSE 0 END::bigint AS confirmed,
    CASE WHEN x.status = 'unfounded' THEN x.sign ELSE 0 END::bigint AS unfounded,
    CASE WHEN x.status = 'referred_to_police' THEN x.sign ELSE 0 END::bigint AS referred,
    CASE WHEN x.status = 'closed' THEN x.sign ELSE 0 END::bigint AS closed,
    CASE WHEN x.triaged_at IS NOT NULL THEN x.sign ELSE 0 END::bigint AS triaged,
    CASE WHEN x.triaged_at IS NOT NULL
      THEN greatest(0, round(extract(epoch FROM x.triaged_at - x.reported_at)))::bigint * x.sign ELSE 0 END AS triage_seconds,
    x.goods_categories
  FROM src x JOIN store s ON s.id = x.store_id JOIN types ty ON ty.e = x.type
),
u AS (
  SELECT 's'::text AS unit, d.store_id AS unit_id, d.* FROM d
  UNION ALL
  SELECT 'r'::text, d.region_id, d.* FROM d
),
v_day AS (
  SELECT * FROM (SELECT unit, unit_id, lt::date AS day, %2$s FROM u GROUP BY 1, 2, 3) g WHERE %3$s
),
w_day AS (
  INSERT INTO insight_day AS t (unit, unit_id, day, n, loss, recovered, confirmed, unfounded, referred, closed, triaged, triage_seconds)
  SELECT * FROM v_day ORDER BY 1, 2, 3
  ON CONFLICT (unit, unit_id, day) DO UPDATE SET %4$s
  RETURNING 1
),
v_month AS (
  SELECT * FROM (SELECT unit, unit_id, date_trunc('month', lt)::date AS month, %2$s FROM u GROUP BY 1, 2, 3) g WHERE %3$s
),
w_month AS (
  INSERT INTO insight_month AS t (unit, unit_id, month, n, loss, recovered, confirmed, unfounded, referred, closed, triaged, triage_seconds)
  SELECT * FROM v_month ORDER BY 1, 2, 3
  ON CONFLICT (unit, unit_id, month) DO UPDATE SET %4$s
  RETURNING 1
),
v_hour AS (
  SELECT * FROM (
    SELECT unit, unit_id, lt::date AS day, extract(hour FROM lt)::smallint AS hour, %5$s AS n FROM u GROUP BY 1, 2, 3, 4
  ) g WHERE n <> %6$s
),
w_hour AS (
  INSERT INTO insight_hour AS t (unit, unit_id, day, hour, n)
  SELECT * FROM v_hour ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit, unit_id, day, hour) DO UPDATE SET %7$s
  RETURNING 1
),
v_cat AS (
  SELECT * FROM (
    SELECT unit, unit_id, lt::date AS day, c.category, %5$s AS n, %8$s AS loss
    FROM u CROSS JOIN LATERAL unnest(u.goods_categories) AS c(category) GROUP BY 1, 2, 3, 4
  ) g WHERE n <> %6$s OR loss <> %6$s
),
w_cat AS (
  INSERT INTO insight_category_day AS t (unit, unit_id, day, category, n, loss)
  SELECT * FROM v_cat ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit, unit_id, day, category) DO UPDATE SET %7$s, %9$s
  RETURNING 1
)
SELECT (SELECT count(*) FROM w_day) + (SELECT count(*) FROM w_month) + (SELECT count(*) FROM w_hour) + (SELECT count(*) FROM w_cat)
$q$, src, measures, nonzero, updates, insight_arr_sql('sign'), zero, insight_add_sql('n'), insight_arr_sql('loss'), insight_add_sql('loss'));
END $fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION insight_alert_apply_sql(src text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
WITH src AS (%1$s),
d AS (
  SELECT s.id AS store_id, s.region_id, (x.created_at AT TIME ZONE s.timezone)::date AS day, x.sign::int AS sign,
    CASE WHEN x.acknowledged_at IS NOT NULL THEN x.sign ELSE 0 END::int AS acknowledged,
    CASE WHEN x.acknowledged_at IS NOT NULL
      THEN greatest(0, round(extract(epoch FROM x.acknowledged_at - x.created_at)))::bigint * x.sign ELSE 0 END AS ack_seconds,
    CASE WHEN x.resolved_at IS NOT NULL THEN x.sign ELSE 0 END::int AS resolved,
    CASE WHEN x.resolved_at IS NOT NULL
      THEN greatest(0, round(extract(epoch FROM x.resolved_at - x.created_at)))::bigint * x.sign ELSE 0 END AS resolve_seconds
  FROM src x JOIN store s ON s.id = x.store_id
),
u AS (
  SELECT 's'::text AS unit, d.store_id AS unit_id, d.* FROM d
  UNION ALL
  SELECT 'r'::text, d.region_id, d.* FROM d
),
g AS (
  SELECT unit, unit_id, day, sum(sign)::int AS alerts, sum(acknowledged)::int AS acknowledged, sum(ack_seconds)::bigint AS ack_seconds,
    sum(resolved)::int AS resolved, sum(resolve_seconds)::bigint AS resolve_seconds
  FROM u GROUP BY 1, 2, 3
  HAVING sum(sign) <> 0 OR sum(acknowledged) <> 0 OR sum(ack_seconds) <> 0 OR sum(resolved) <> 0 OR sum(resolve_seconds) <> 0
),
w AS (
  INSERT INTO insight_alert_day AS t (unit, unit_id, day, alerts, acknowledged, ack_seconds, resolved, resolve_seconds)
  SELECT * FROM g ORDER BY 1, 2, 3
  ON CONFLICT (unit, unit_id, day) DO UPDATE SET
    alerts = t.alerts + excluded.alerts, acknowledged = t.acknowledged + excluded.acknowledged,
    ack_seconds = t.ack_seconds + excluded.ack_seconds, resolved = t.resolved + excluded.resolved,
    resolve_seconds = t.resolve_seconds + excluded.resolve_seconds
  RETURNING 1
)
SELECT count(*) FROM w
$q$, src)
$fn$;
--> statement-breakpoint
-- EXECUTE must run in the trigger function itself: only there are the transition tables visible.
CREATE OR REPLACE FUNCTION insight_incident_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE insight_incident_apply_sql('SELECT *, 1 AS sign FROM new_rows');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE insight_incident_apply_sql('SELECT *, -1 AS sign FROM old_rows');
  ELSE
    EXECUTE insight_incident_apply_sql('SELECT *, -1 AS sign FROM old_rows UNION ALL SELECT *, 1 AS sign FROM new_rows');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION insight_alert_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE insight_alert_apply_sql('SELECT *, 1 AS sign FROM new_rows');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE insight_alert_apply_sql('SELECT *, -1 AS sign FROM old_rows');
  ELSE
    EXECUTE insight_alert_apply_sql('SELECT *, -1 AS sign FROM old_rows UNION ALL SELECT *, 1 AS sign FROM new_rows');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER insight_incident_insert AFTER INSERT ON incident REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION insight_incident_changed();
--> statement-breakpoint
CREATE TRIGGER insight_incident_update AFTER UPDATE ON incident REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION insight_incident_changed();
--> statement-breakpoint
CREATE TRIGGER insight_incident_delete AFTER DELETE ON incident REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION insight_incident_changed();
--> statement-breakpoint
CREATE TRIGGER insight_alert_insert AFTER INSERT ON alert REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION insight_alert_changed();
--> statement-breakpoint
CREATE TRIGGER insight_alert_update AFTER UPDATE ON alert REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION insight_alert_changed();
--> statement-breakpoint
CREATE TRIGGER insight_alert_delete AFTER DELETE ON alert REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION insight_alert_changed();
--> statement-breakpoint
-- Recomputes every rollup from incident and alert: after a bulk load with triggers disabled, when
-- a store changes region or timezone, or when the reconcile job finds drift.
CREATE OR REPLACE FUNCTION insight_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM insight_day WHERE true;
  DELETE FROM insight_month WHERE true;
  DELETE FROM insight_hour WHERE true;
  DELETE FROM insight_category_day WHERE true;
  DELETE FROM insight_alert_day WHERE true;
  EXECUTE insight_incident_apply_sql('SELECT i.*, 1 AS sign FROM incident i');
  EXECUTE insight_alert_apply_sql('SELECT a.*, 1 AS sign FROM alert a');
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION insight_incident_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE insight_day, insight_month, insight_hour, insight_category_day;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION insight_alert_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE insight_alert_day;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER insight_incident_truncate AFTER TRUNCATE ON incident FOR EACH STATEMENT EXECUTE FUNCTION insight_incident_truncated();
--> statement-breakpoint
CREATE TRIGGER insight_alert_truncate AFTER TRUNCATE ON alert FOR EACH STATEMENT EXECUTE FUNCTION insight_alert_truncated();
--> statement-breakpoint
-- Region rows and local days depend on the store's region and timezone.
CREATE OR REPLACE FUNCTION insight_store_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insight_rebuild();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER insight_store_moved AFTER UPDATE OF region_id, timezone ON store FOR EACH ROW
  WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.timezone IS DISTINCT FROM NEW.timezone)
  EXECUTE FUNCTION insight_store_moved();
