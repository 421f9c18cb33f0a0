CREATE TABLE "broadcast_opt_outs" (
	"contact_id" text PRIMARY KEY NOT NULL,
	"stopped_at" timestamp with time zone,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"id" text PRIMARY KEY NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "broadcasts_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sender_id" text,
	"sender_role" text NOT NULL,
	"audience" jsonb NOT NULL,
	"texts" jsonb NOT NULL,
	"main_language" text NOT NULL,
	"photo_media_id" text,
	"urgent" boolean DEFAULT false NOT NULL,
	"state" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"zone" text NOT NULL,
	"counts" jsonb,
	"progress_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bulk_sends" ADD COLUMN "priority" smallint DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_sends" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "bulk_sends" ADD COLUMN "skip_opted_out" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_sends" ADD COLUMN "stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "broadcast_opt_outs" ADD CONSTRAINT "broadcast_opt_outs_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_sender_id_contacts_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "broadcasts_created_idx" ON "broadcasts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "broadcasts_open_idx" ON "broadcasts" USING btree ("state") WHERE state in ('scheduled', 'running');