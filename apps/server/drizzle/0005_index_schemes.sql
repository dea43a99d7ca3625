CREATE TABLE "index_schemes" (
	"id" text PRIMARY KEY NOT NULL,
	"scheme_id" text NOT NULL,
	"version" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
