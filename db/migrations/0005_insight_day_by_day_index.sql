-- Per-store figures over every store in view (an admin's 500) read a day range for all
-- stores at once: one range scan by day beats one probe per store per window.
CREATE INDEX IF NOT EXISTS "insight_day_store_by_day_idx" ON "insight_day" ("unit", "day") INCLUDE ("unit_id", "n", "loss");
