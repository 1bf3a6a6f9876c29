-- Derived rows: emptied, and the next refresh rebuilds everything with the new columns.
TRUNCATE "kpi_customer_dims";--> statement-breakpoint
DELETE FROM "kpi_refresh_state";--> statement-breakpoint
ALTER TABLE "kpi_customer_dims" ADD COLUMN "first_sale_ever_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_customer_dims" ADD COLUMN "first_sale_month" date NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_customer_dims" ADD COLUMN "bucket" double precision NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_customer_dims" ADD COLUMN "segments" integer[] DEFAULT '{}'::int[] NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_customers" ADD COLUMN "segments" integer[] DEFAULT '{}'::int[] NOT NULL;