CREATE TABLE "allocation_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"plan_year" integer NOT NULL,
	"budget" bigint NOT NULL,
	"criteria" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"result" jsonb,
	"explanations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text NOT NULL,
	"job_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
