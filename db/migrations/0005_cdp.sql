CREATE TYPE "public"."cdp_event_category" AS ENUM('necessary', 'analytics');--> statement-breakpoint
CREATE TYPE "public"."cdp_event_type" AS ENUM('page', 'track', 'identify', 'alias');--> statement-breakpoint
CREATE TYPE "public"."segment_kind" AS ENUM('lifecycle', 'rfm', 'custom');--> statement-breakpoint
CREATE TABLE "cdp_consents" (
	"subject" text PRIMARY KEY NOT NULL,
	"user_id" integer,
	"analytics" boolean NOT NULL,
	"personalization" boolean NOT NULL,
	"gpc" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cdp_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"type" "cdp_event_type" NOT NULL,
	"event" text,
	"category" "cdp_event_category" NOT NULL,
	"anonymous_id" text,
	"user_id" integer,
	"source_id" integer,
	"device_type" text,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cdp_identities" (
	"anonymous_id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cdp_profiles" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"traits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_seen_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"orders_count" integer DEFAULT 0 NOT NULL,
	"lifetime_value_pence" integer DEFAULT 0 NOT NULL,
	"aov_pence" integer DEFAULT 0 NOT NULL,
	"first_order_at" timestamp with time zone,
	"last_order_at" timestamp with time zone,
	"recency_days" integer,
	"orders_365" integer DEFAULT 0 NOT NULL,
	"favourite_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"favourite_category_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"events_count" integer DEFAULT 0 NOT NULL,
	"mobile_events" integer DEFAULT 0 NOT NULL,
	"tablet_events" integer DEFAULT 0 NOT NULL,
	"desktop_events" integer DEFAULT 0 NOT NULL,
	"mobile_share" double precision,
	"deliveries" integer DEFAULT 0 NOT NULL,
	"eco_deliveries" integer DEFAULT 0 NOT NULL,
	"eco_share" double precision,
	"on_time_deliveries" integer DEFAULT 0 NOT NULL,
	"on_time_rate" double precision,
	"csat_count" integer DEFAULT 0 NOT NULL,
	"csat_average" double precision,
	"consent_analytics" boolean DEFAULT false NOT NULL,
	"consent_personalization" boolean DEFAULT false NOT NULL,
	"r_score" smallint,
	"f_score" smallint,
	"m_score" smallint,
	"lifecycle" text DEFAULT 'prospect' NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cdp_rfm_cuts" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"recency" integer[] NOT NULL,
	"frequency" integer[] NOT NULL,
	"monetary" integer[] NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cdp_sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"trusted" boolean DEFAULT true NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_by" integer,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cdp_sources_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_result" jsonb
);
--> statement-breakpoint
CREATE TABLE "recently_viewed" (
	"subject" text NOT NULL,
	"user_id" integer,
	"product_id" integer NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recently_viewed_subject_product_id_pk" PRIMARY KEY("subject","product_id")
);
--> statement-breakpoint
CREATE TABLE "segment_memberships" (
	"segment_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_memberships_segment_id_user_id_pk" PRIMARY KEY("segment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "segment_sizes" (
	"segment_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"size" integer NOT NULL,
	CONSTRAINT "segment_sizes_segment_id_at_pk" PRIMARY KEY("segment_id","at")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "segment_kind" NOT NULL,
	"rules" jsonb,
	"size" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "device_type" text;--> statement-breakpoint
ALTER TABLE "cdp_consents" ADD CONSTRAINT "cdp_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdp_events" ADD CONSTRAINT "cdp_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdp_events" ADD CONSTRAINT "cdp_events_source_id_cdp_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."cdp_sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdp_identities" ADD CONSTRAINT "cdp_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdp_profiles" ADD CONSTRAINT "cdp_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdp_sources" ADD CONSTRAINT "cdp_sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recently_viewed" ADD CONSTRAINT "recently_viewed_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recently_viewed" ADD CONSTRAINT "recently_viewed_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_memberships" ADD CONSTRAINT "segment_memberships_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_memberships" ADD CONSTRAINT "segment_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_sizes" ADD CONSTRAINT "segment_sizes_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cdp_consents_user_idx" ON "cdp_consents" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cdp_events_message_idx" ON "cdp_events" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "cdp_events_user_idx" ON "cdp_events" USING btree ("user_id","timestamp");--> statement-breakpoint
CREATE INDEX "cdp_events_anon_idx" ON "cdp_events" USING btree ("anonymous_id") WHERE "cdp_events"."user_id" is null;--> statement-breakpoint
CREATE INDEX "cdp_events_anon_time_idx" ON "cdp_events" USING btree ("timestamp") WHERE "cdp_events"."user_id" is null;--> statement-breakpoint
CREATE INDEX "cdp_events_event_idx" ON "cdp_events" USING btree ("event","timestamp");--> statement-breakpoint
CREATE INDEX "cdp_identities_user_idx" ON "cdp_identities" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cdp_profiles_lifecycle_idx" ON "cdp_profiles" USING btree ("lifecycle");--> statement-breakpoint
CREATE INDEX "cdp_profiles_rfm_idx" ON "cdp_profiles" USING btree ("r_score","f_score","m_score");--> statement-breakpoint
CREATE INDEX "recently_viewed_subject_idx" ON "recently_viewed" USING btree ("subject","viewed_at");--> statement-breakpoint
CREATE INDEX "segment_memberships_user_idx" ON "segment_memberships" USING btree ("user_id");