CREATE TYPE "public"."recs_neighbour_kind" AS ENUM('also_bought', 'goes_with');--> statement-breakpoint
CREATE TABLE "recs_for_user" (
	"user_id" integer NOT NULL,
	"rank" smallint NOT NULL,
	"product_id" integer NOT NULL,
	"score" double precision NOT NULL,
	"because_product_id" integer,
	CONSTRAINT "recs_for_user_user_id_rank_pk" PRIMARY KEY("user_id","rank")
);
--> statement-breakpoint
CREATE TABLE "recs_neighbours" (
	"product_id" integer NOT NULL,
	"kind" "recs_neighbour_kind" NOT NULL,
	"rank" smallint NOT NULL,
	"neighbour_id" integer NOT NULL,
	"score" double precision NOT NULL,
	CONSTRAINT "recs_neighbours_product_id_kind_rank_pk" PRIMARY KEY("product_id","kind","rank")
);
--> statement-breakpoint
CREATE TABLE "recs_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"users" integer NOT NULL,
	"items" integer NOT NULL,
	"interactions" integer NOT NULL,
	"ms" integer NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recs_for_user" ADD CONSTRAINT "recs_for_user_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recs_for_user" ADD CONSTRAINT "recs_for_user_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recs_for_user" ADD CONSTRAINT "recs_for_user_because_product_id_products_id_fk" FOREIGN KEY ("because_product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recs_neighbours" ADD CONSTRAINT "recs_neighbours_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recs_neighbours" ADD CONSTRAINT "recs_neighbours_neighbour_id_products_id_fk" FOREIGN KEY ("neighbour_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recs_neighbours_neighbour_idx" ON "recs_neighbours" USING btree ("neighbour_id");