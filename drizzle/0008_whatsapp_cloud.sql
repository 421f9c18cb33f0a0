ALTER TABLE "outbox" ADD COLUMN "platform_message_id" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "channel_identities_phone_idx" ON "channel_identities" USING btree ("phone") WHERE phone is not null;--> statement-breakpoint
CREATE INDEX "outbox_platform_message_idx" ON "outbox" USING btree ("platform_message_id") WHERE platform_message_id is not null;