-- Crimes near stores: a dozen grid cells per store and a few months, answered from the index
-- alone (type, point and id included), however many force-months are imported.
CREATE INDEX IF NOT EXISTS "police_crime_cell_month_idx" ON "police_crime" ("cell", "month") INCLUDE ("crime_type", "lat", "lng", "id");
