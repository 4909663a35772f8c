CREATE TABLE "security_event_key" (
	"device_id" uuid NOT NULL,
	"vendor_event_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "security_event_key_device_id_vendor_event_id_pk" PRIMARY KEY("device_id","vendor_event_id")
);
--> statement-breakpoint
CREATE INDEX "security_event_key_occurred_at_idx" ON "security_event_key" USING btree ("occurred_at");