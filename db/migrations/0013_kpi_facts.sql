CREATE TABLE "kpi_cohort_cells" (
	"cohort" date NOT NULL,
	"month" date NOT NULL,
	"customers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_cohort_cells_cohort_month_pk" PRIMARY KEY("cohort","month")
);
--> statement-breakpoint
CREATE TABLE "kpi_customers" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"known_at" timestamp with time zone NOT NULL,
	"first_sale_at" timestamp with time zone,
	"first_sale_month" date,
	"second_sale_at" timestamp with time zone,
	"active_months" integer[] DEFAULT '{}'::int[] NOT NULL,
	"bucket" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_daily_csat" (
	"day" date NOT NULL,
	"device" text DEFAULT '' NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"rating" smallint NOT NULL,
	"answers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_daily_csat_day_device_country_rating_pk" PRIMARY KEY("day","device","country","rating")
);
--> statement-breakpoint
CREATE TABLE "kpi_daily_deals" (
	"day" date NOT NULL,
	"device" text DEFAULT '' NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"deal_id" integer NOT NULL,
	"redemptions" bigint DEFAULT 0 NOT NULL,
	"discount" bigint DEFAULT 0 NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_daily_deals_day_device_country_deal_id_pk" PRIMARY KEY("day","device","country","deal_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_daily_delivered" (
	"day" date NOT NULL,
	"device" text DEFAULT '' NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"delivered" bigint DEFAULT 0 NOT NULL,
	"on_time" bigint DEFAULT 0 NOT NULL,
	"hours" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_daily_delivered_day_device_country_pk" PRIMARY KEY("day","device","country")
);
--> statement-breakpoint
CREATE TABLE "kpi_daily_orders" (
	"day" date NOT NULL,
	"device" text DEFAULT '' NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"grp" text DEFAULT '' NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	"sales" bigint DEFAULT 0 NOT NULL,
	"sales2" double precision DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"deal_orders" bigint DEFAULT 0 NOT NULL,
	"deal_revenue" bigint DEFAULT 0 NOT NULL,
	"rec_revenue" bigint DEFAULT 0 NOT NULL,
	"rec_orders" bigint DEFAULT 0 NOT NULL,
	"co2" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_daily_orders_day_device_country_method_grp_pk" PRIMARY KEY("day","device","country","method","grp")
);
--> statement-breakpoint
CREATE TABLE "kpi_daily_recs" (
	"day" date NOT NULL,
	"device" text DEFAULT '' NOT NULL,
	"surface" text DEFAULT '' NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_daily_recs_day_device_surface_pk" PRIMARY KEY("day","device","surface")
);
--> statement-breakpoint
CREATE TABLE "kpi_daily_visits" (
	"day" date NOT NULL,
	"device" text DEFAULT '' NOT NULL,
	"visits" bigint DEFAULT 0 NOT NULL,
	"product_views" bigint DEFAULT 0 NOT NULL,
	"carts" bigint DEFAULT 0 NOT NULL,
	"checkouts" bigint DEFAULT 0 NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_daily_visits_day_device_pk" PRIMARY KEY("day","device")
);
--> statement-breakpoint
CREATE TABLE "kpi_month_retention" (
	"month" date PRIMARY KEY NOT NULL,
	"base" bigint DEFAULT 0 NOT NULL,
	"retained" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_orders" (
	"order_id" integer PRIMARY KEY NOT NULL,
	"user_id" integer,
	"placed_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"month" date NOT NULL,
	"sale" boolean NOT NULL,
	"refund" boolean NOT NULL,
	"device" text,
	"country" text,
	"total_pence" integer NOT NULL,
	"ship_method" text,
	"co2_grams" integer,
	"delivered_day" date,
	"on_time" boolean,
	"delivery_hours" double precision,
	"csat_rating" smallint,
	"csat_day" date,
	"deal_redemptions" smallint DEFAULT 0 NOT NULL,
	"deal_discount_pence" integer DEFAULT 0 NOT NULL,
	"rec_revenue_pence" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_rec_events" (
	"event_id" bigint PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"user_id" integer,
	"device" text,
	"surface" text NOT NULL,
	"click" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_refresh_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"time_zone" text NOT NULL,
	"holdout_share" double precision DEFAULT 0.1 NOT NULL,
	"changes_since" timestamp with time zone,
	"events_after" bigint DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_visits" (
	"day" date NOT NULL,
	"visitor" text NOT NULL,
	"device" text NOT NULL,
	"user_id" integer,
	"product_view" boolean DEFAULT false NOT NULL,
	"cart" boolean DEFAULT false NOT NULL,
	"checkout" boolean DEFAULT false NOT NULL,
	"ordered" boolean DEFAULT false NOT NULL,
	CONSTRAINT "kpi_visits_day_visitor_device_pk" PRIMARY KEY("day","visitor","device")
);
--> statement-breakpoint
ALTER TABLE "kpi_customers" ADD CONSTRAINT "kpi_customers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_orders" ADD CONSTRAINT "kpi_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_orders" ADD CONSTRAINT "kpi_orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_rec_events" ADD CONSTRAINT "kpi_rec_events_event_id_cdp_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."cdp_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_rec_events" ADD CONSTRAINT "kpi_rec_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_visits" ADD CONSTRAINT "kpi_visits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_customers_first_sale_idx" ON "kpi_customers" USING btree ("first_sale_at");--> statement-breakpoint
CREATE INDEX "kpi_orders_day_idx" ON "kpi_orders" USING btree ("day");--> statement-breakpoint
CREATE INDEX "kpi_orders_month_idx" ON "kpi_orders" USING btree ("month");--> statement-breakpoint
CREATE INDEX "kpi_orders_user_idx" ON "kpi_orders" USING btree ("user_id","day");--> statement-breakpoint
CREATE INDEX "kpi_orders_delivered_idx" ON "kpi_orders" USING btree ("delivered_day") WHERE "kpi_orders"."delivered_day" is not null;--> statement-breakpoint
CREATE INDEX "kpi_orders_csat_idx" ON "kpi_orders" USING btree ("csat_day") WHERE "kpi_orders"."csat_day" is not null;--> statement-breakpoint
CREATE INDEX "kpi_rec_events_day_idx" ON "kpi_rec_events" USING btree ("day");--> statement-breakpoint
CREATE INDEX "kpi_visits_user_idx" ON "kpi_visits" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "deal_redemptions_at_idx" ON "deal_redemptions" USING btree ("at");--> statement-breakpoint
CREATE INDEX "csat_responses_updated_idx" ON "csat_responses" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "shipment_events_at_idx" ON "shipment_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "shipments_updated_idx" ON "shipments" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "orders_updated_idx" ON "orders" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "users_updated_idx" ON "users" USING btree ("updated_at");