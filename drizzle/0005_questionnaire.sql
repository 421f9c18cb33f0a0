CREATE TABLE "questionnaire_answers" (
	"response_id" text NOT NULL,
	"item_id" text NOT NULL,
	"answer" jsonb NOT NULL,
	"audience" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "questionnaire_answers_response_id_item_id_pk" PRIMARY KEY("response_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_respondents" (
	"id" text PRIMARY KEY NOT NULL,
	"contact_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "questionnaire_respondents_contact_uq" UNIQUE("contact_id")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"respondent_id" text NOT NULL,
	"village_code" text NOT NULL,
	"pillar" text NOT NULL,
	"bank_version" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "questionnaire_answers" ADD CONSTRAINT "questionnaire_answers_response_id_questionnaire_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."questionnaire_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_respondents" ADD CONSTRAINT "questionnaire_respondents_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_respondent_id_questionnaire_respondents_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."questionnaire_respondents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_responses_uq" ON "questionnaire_responses" USING btree ("respondent_id","village_code","pillar","bank_version");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_village_idx" ON "questionnaire_responses" USING btree ("village_code","pillar");