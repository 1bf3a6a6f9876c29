CREATE TABLE "cdp_dead_letters" (
	"id" serial PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"user_id" integer,
	"anonymous_id" text,
	"source_id" integer,
	"event" text,
	"payload" text NOT NULL,
	"error" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cdp_dead_letters_at_idx" ON "cdp_dead_letters" USING btree ("at");--> statement-breakpoint
CREATE INDEX "cdp_dead_letters_user_idx" ON "cdp_dead_letters" USING btree ("user_id");