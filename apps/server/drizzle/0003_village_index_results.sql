CREATE TABLE "village_index_results" (
	"scheme_id" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"state" text NOT NULL,
	"source" text NOT NULL,
	"scores" jsonb,
	"dimensions" jsonb NOT NULL,
	"value" double precision NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_index_results_region_code_scheme_id_year_pk" PRIMARY KEY("region_code","scheme_id","year")
);
--> statement-breakpoint
CREATE INDEX "village_index_year_idx" ON "village_index_results" USING btree ("scheme_id","year");