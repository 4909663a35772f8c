CREATE TABLE "insight_alert_day" (
	"unit" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"alerts" integer DEFAULT 0 NOT NULL,
	"acknowledged" integer DEFAULT 0 NOT NULL,
	"ack_seconds" bigint DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolve_seconds" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "insight_alert_day_unit_unit_id_day_pk" PRIMARY KEY("unit","unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "insight_category_day" (
	"unit" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"category" text NOT NULL,
	"n" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"loss" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	CONSTRAINT "insight_category_day_unit_unit_id_day_category_pk" PRIMARY KEY("unit","unit_id","day","category")
);
--> statement-breakpoint
CREATE TABLE "insight_day" (
	"unit" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"n" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"loss" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"recovered" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"confirmed" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"unfounded" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"referred" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"closed" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"triaged" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"triage_seconds" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	CONSTRAINT "insight_day_unit_unit_id_day_pk" PRIMARY KEY("unit","unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "insight_hour" (
	"unit" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"hour" smallint NOT NULL,
	"n" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	CONSTRAINT "insight_hour_unit_unit_id_day_hour_pk" PRIMARY KEY("unit","unit_id","day","hour")
);
--> statement-breakpoint
CREATE TABLE "insight_month" (
	"unit" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"n" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"loss" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"recovered" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"confirmed" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"unfounded" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"referred" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"closed" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"triaged" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"triage_seconds" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	CONSTRAINT "insight_month_unit_unit_id_month_pk" PRIMARY KEY("unit","unit_id","month")
);
--> statement-breakpoint
CREATE INDEX "insight_day_day_idx" ON "insight_day" USING btree ("day");