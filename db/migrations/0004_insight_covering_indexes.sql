-- Per-store figures (the map, hotspots) read only n and loss of many stores' rows: covering
-- indexes let them use index-only scans instead of reading the wide rollup rows.
CREATE INDEX IF NOT EXISTS "insight_day_unit_cover_idx" ON "insight_day" ("unit", "unit_id", "day") INCLUDE ("n", "loss");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "insight_month_unit_cover_idx" ON "insight_month" ("unit", "unit_id", "month") INCLUDE ("n", "loss");
