ALTER TABLE "carts" ADD COLUMN "deal_code" text;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "requires_code" boolean DEFAULT false NOT NULL;