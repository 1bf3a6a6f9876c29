CREATE TABLE "cdp_source_rejections" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"message_index" integer NOT NULL,
	"reasons" text[] NOT NULL,
	"excerpt" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cdp_source_rejections_source_idx" ON "cdp_source_rejections" USING btree ("source_id","id");