CREATE TYPE "public"."deal_scope" AS ENUM('all', 'categories', 'products');--> statement-breakpoint
CREATE TYPE "public"."deal_type" AS ENUM('percent_off', 'amount_off', 'free_eco_delivery', 'bundle_price');--> statement-breakpoint
CREATE TABLE "deal_redemptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"deal_id" integer NOT NULL,
	"user_id" integer,
	"order_id" integer NOT NULL,
	"discount_pence" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" "deal_type" NOT NULL,
	"value" integer DEFAULT 0 NOT NULL,
	"bundle_quantity" smallint,
	"scope" "deal_scope" DEFAULT 'all' NOT NULL,
	"scope_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"targeting" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"min_spend_pence" integer DEFAULT 0 NOT NULL,
	"starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone,
	"usage_limit" integer,
	"per_customer_limit" integer DEFAULT 1 NOT NULL,
	"redemptions" integer DEFAULT 0 NOT NULL,
	"priority" smallint DEFAULT 0 NOT NULL,
	"stackable" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deals_code_unique" UNIQUE("code"),
	CONSTRAINT "deals_value_nonneg" CHECK ("deals"."value" >= 0),
	CONSTRAINT "deals_redemptions_within_limit" CHECK ("deals"."usage_limit" is null or "deals"."redemptions" <= "deals"."usage_limit")
);
--> statement-breakpoint
ALTER TABLE "deal_redemptions" ADD CONSTRAINT "deal_redemptions_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_redemptions" ADD CONSTRAINT "deal_redemptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_redemptions" ADD CONSTRAINT "deal_redemptions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deal_redemptions_deal_order_idx" ON "deal_redemptions" USING btree ("deal_id","order_id");--> statement-breakpoint
CREATE INDEX "deal_redemptions_user_idx" ON "deal_redemptions" USING btree ("user_id","deal_id");--> statement-breakpoint
CREATE INDEX "deals_active_idx" ON "deals" USING btree ("active","starts_at");