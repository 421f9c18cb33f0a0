CREATE TABLE "feedback" (
	"id" text PRIMARY KEY NOT NULL,
	"contact_id" text,
	"topic" text NOT NULL,
	"message" text NOT NULL,
	"rating" integer NOT NULL,
	"wants_reply" boolean NOT NULL,
	"media_ids" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_created_idx" ON "feedback" USING btree ("created_at");