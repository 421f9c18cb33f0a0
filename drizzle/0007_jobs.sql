CREATE TABLE "bulk_recipients" (
	"bulk_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"skip_reason" text,
	"message" jsonb,
	"queued_at" timestamp with time zone,
	CONSTRAINT "bulk_recipients_bulk_id_contact_id_pk" PRIMARY KEY("bulk_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "bulk_sends" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"message" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "priority" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "bulk_id" text;--> statement-breakpoint
ALTER TABLE "bulk_recipients" ADD CONSTRAINT "bulk_recipients_bulk_id_bulk_sends_id_fk" FOREIGN KEY ("bulk_id") REFERENCES "public"."bulk_sends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_recipients" ADD CONSTRAINT "bulk_recipients_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_recipients_status_idx" ON "bulk_recipients" USING btree ("bulk_id","status");--> statement-breakpoint
CREATE INDEX "bulk_recipients_contact_idx" ON "bulk_recipients" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("status","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_pending_uq" ON "jobs" USING btree ("dedupe_key") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_bulk_idx" ON "outbox" USING btree ("bulk_id","status") WHERE bulk_id is not null;