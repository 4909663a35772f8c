DROP INDEX "police_crime_type_month_idx";--> statement-breakpoint
DROP INDEX "police_crime_lat_lng_idx";--> statement-breakpoint
ALTER TABLE "police_crime" ADD COLUMN "cell" integer GENERATED ALWAYS AS ((floor(lat * 100)::integer * 100000) + floor(lng * 100)::integer + 50000) STORED NOT NULL;