CREATE TABLE "police_crime_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rows_read" integer NOT NULL,
	"rows_added" integer NOT NULL,
	"rows_duplicate" integer NOT NULL,
	"rows_without_location" integer NOT NULL,
	"month_from" date,
	"month_to" date
);
--> statement-breakpoint
CREATE TABLE "police_crime" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"month" date NOT NULL,
	"crime_type" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"location" text NOT NULL,
	"lsoa_code" text,
	"falls_within" text NOT NULL,
	"last_outcome" text,
	"crime_id" text,
	"fingerprint" text NOT NULL,
	CONSTRAINT "police_crime_fingerprint_unique" UNIQUE("fingerprint")
);
--> statement-breakpoint
ALTER TABLE "police_crime_import" ADD CONSTRAINT "police_crime_import_imported_by_app_user_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_crime" ADD CONSTRAINT "police_crime_import_id_police_crime_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."police_crime_import"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "police_crime_type_month_idx" ON "police_crime" USING btree ("crime_type","month","lat","lng");--> statement-breakpoint
CREATE INDEX "police_crime_lat_lng_idx" ON "police_crime" USING btree ("lat","lng");--> statement-breakpoint
CREATE INDEX "police_crime_import_idx" ON "police_crime" USING btree ("import_id");