ALTER TYPE "public"."cdp_event_type" ADD VALUE 'group';--> statement-breakpoint
ALTER TABLE "cdp_sources" ADD COLUMN "user_ids" text DEFAULT 'hearth' NOT NULL;