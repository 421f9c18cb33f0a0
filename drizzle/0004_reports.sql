CREATE TABLE "report_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"note" text,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_media" (
	"report_id" text NOT NULL,
	"position" integer NOT NULL,
	"media_id" text NOT NULL,
	CONSTRAINT "report_media_report_id_position_pk" PRIMARY KEY("report_id","position")
);
--> statement-breakpoint
CREATE TABLE "report_supports" (
	"report_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_supports_report_id_contact_id_pk" PRIMARY KEY("report_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" text PRIMARY KEY NOT NULL,
	"ticket" text NOT NULL,
	"contact_id" text,
	"resident_name" text,
	"resident_contact" text,
	"resident_consent_at" timestamp with time zone,
	"type" text NOT NULL,
	"category" text NOT NULL,
	"pillar" text NOT NULL,
	"description" text NOT NULL,
	"village_code" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"landmark" text,
	"anonymous" boolean NOT NULL,
	"confidential" boolean NOT NULL,
	"status" text NOT NULL,
	"info_from" text,
	"reject_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"anonymised_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "report_history" ADD CONSTRAINT "report_history_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_history" ADD CONSTRAINT "report_history_actor_id_contacts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_media" ADD CONSTRAINT "report_media_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_media" ADD CONSTRAINT "report_media_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_supports" ADD CONSTRAINT "report_supports_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_supports" ADD CONSTRAINT "report_supports_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_history_report_idx" ON "report_history" USING btree ("report_id","id");--> statement-breakpoint
CREATE INDEX "report_media_media_idx" ON "report_media" USING btree ("media_id");--> statement-breakpoint
CREATE INDEX "report_supports_contact_idx" ON "report_supports" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_ticket_uq" ON "reports" USING btree ("ticket");--> statement-breakpoint
CREATE INDEX "reports_village_status_idx" ON "reports" USING btree ("village_code","status","created_at");--> statement-breakpoint
CREATE INDEX "reports_contact_idx" ON "reports" USING btree ("contact_id","created_at");