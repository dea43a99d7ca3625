CREATE TABLE "nomenclature" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"output" text,
	"indicator" text,
	"unit" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_series" (
	"indicator" text NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"unit" text,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_series_indicator_region_code_year_pk" PRIMARY KEY("indicator","region_code","year")
);
--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "series_indicator" text;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "series_region" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "plan_node_id" uuid;