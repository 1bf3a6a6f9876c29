-- The KPI rollups gain a segment key and the customers their sale days: drop the derived rows so the next refresh rebuilds them all.
TRUNCATE "kpi_daily_orders", "kpi_daily_delivered", "kpi_daily_csat", "kpi_daily_deals", "kpi_daily_visits", "kpi_daily_recs";--> statement-breakpoint
DELETE FROM "kpi_refresh_state";--> statement-breakpoint
CREATE TABLE "kpi_customer_dims" (
	"user_id" integer NOT NULL,
	"device" text NOT NULL,
	"country" text NOT NULL,
	"first_sale_at" timestamp with time zone NOT NULL,
	"second_sale_at" timestamp with time zone,
	"active_months" integer[] NOT NULL,
	"sale_days" datemultirange NOT NULL,
	CONSTRAINT "kpi_customer_dims_device_country_user_id_pk" PRIMARY KEY("device","country","user_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_segment_members" (
	"segment_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "kpi_segment_members_segment_id_user_id_pk" PRIMARY KEY("segment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_segment_state" (
	"segment_id" integer PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "kpi_daily_csat" DROP CONSTRAINT "kpi_daily_csat_day_device_country_rating_pk";--> statement-breakpoint
ALTER TABLE "kpi_daily_deals" DROP CONSTRAINT "kpi_daily_deals_day_device_country_deal_id_pk";--> statement-breakpoint
ALTER TABLE "kpi_daily_delivered" DROP CONSTRAINT "kpi_daily_delivered_day_device_country_pk";--> statement-breakpoint
ALTER TABLE "kpi_daily_orders" DROP CONSTRAINT "kpi_daily_orders_day_device_country_method_grp_pk";--> statement-breakpoint
ALTER TABLE "kpi_daily_recs" DROP CONSTRAINT "kpi_daily_recs_day_device_surface_pk";--> statement-breakpoint
ALTER TABLE "kpi_daily_visits" DROP CONSTRAINT "kpi_daily_visits_day_device_pk";--> statement-breakpoint
ALTER TABLE "kpi_daily_csat" ADD COLUMN "segment_id" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_deals" ADD COLUMN "segment_id" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_delivered" ADD COLUMN "segment_id" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_orders" ADD COLUMN "segment_id" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_recs" ADD COLUMN "segment_id" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_visits" ADD COLUMN "segment_id" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_csat" ADD CONSTRAINT "kpi_daily_csat_segment_id_day_device_country_rating_pk" PRIMARY KEY("segment_id","day","device","country","rating");--> statement-breakpoint
ALTER TABLE "kpi_daily_deals" ADD CONSTRAINT "kpi_daily_deals_segment_id_day_device_country_deal_id_pk" PRIMARY KEY("segment_id","day","device","country","deal_id");--> statement-breakpoint
ALTER TABLE "kpi_daily_delivered" ADD CONSTRAINT "kpi_daily_delivered_segment_id_day_device_country_pk" PRIMARY KEY("segment_id","day","device","country");--> statement-breakpoint
ALTER TABLE "kpi_daily_orders" ADD CONSTRAINT "kpi_daily_orders_segment_id_day_device_country_method_grp_pk" PRIMARY KEY("segment_id","day","device","country","method","grp");--> statement-breakpoint
ALTER TABLE "kpi_daily_recs" ADD CONSTRAINT "kpi_daily_recs_segment_id_day_device_surface_pk" PRIMARY KEY("segment_id","day","device","surface");--> statement-breakpoint
ALTER TABLE "kpi_daily_visits" ADD CONSTRAINT "kpi_daily_visits_segment_id_day_device_pk" PRIMARY KEY("segment_id","day","device");--> statement-breakpoint
ALTER TABLE "kpi_customers" ADD COLUMN "sale_days" datemultirange DEFAULT '{}'::datemultirange NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_customer_dims" ADD CONSTRAINT "kpi_customer_dims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_segment_members" ADD CONSTRAINT "kpi_segment_members_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_segment_members" ADD CONSTRAINT "kpi_segment_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_customer_dims_user_idx" ON "kpi_customer_dims" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "kpi_segment_members_user_idx" ON "kpi_segment_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "kpi_rec_events_user_idx" ON "kpi_rec_events" USING btree ("user_id");