CREATE TABLE "whatsapp_auth" (
	"category" text NOT NULL,
	"id" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "whatsapp_auth_category_id_pk" PRIMARY KEY("category","id")
);
