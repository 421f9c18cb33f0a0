ALTER TABLE "bulk_recipients" DROP CONSTRAINT "bulk_recipients_bulk_id_bulk_sends_id_fk";
--> statement-breakpoint
ALTER TABLE "bulk_recipients" DROP CONSTRAINT "bulk_recipients_contact_id_contacts_id_fk";
--> statement-breakpoint
DROP INDEX "bulk_recipients_status_idx";--> statement-breakpoint
CREATE INDEX "bulk_recipients_waiting_idx" ON "bulk_recipients" USING btree ("bulk_id","contact_id") WHERE status = 'waiting';