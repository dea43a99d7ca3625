CREATE TABLE "pb_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"receipt" text NOT NULL,
	"region_code" text,
	"channel" text NOT NULL,
	"vote" jsonb NOT NULL,
	"points" jsonb,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pb_ballots_receipt_unique" UNIQUE("receipt")
);
--> statement-breakpoint
CREATE TABLE "pb_elections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"plan_year" integer NOT NULL,
	"budget" bigint NOT NULL,
	"ballot" jsonb NOT NULL,
	"rule" jsonb NOT NULL,
	"district_shares" jsonb,
	"state" text NOT NULL,
	"source" text DEFAULT 'sinergi' NOT NULL,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"override" jsonb,
	"job_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pb_projects" (
	"election_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"cost" bigint NOT NULL,
	"region_code" text,
	"proposal_id" uuid,
	"position" integer NOT NULL,
	CONSTRAINT "pb_projects_election_id_code_pk" PRIMARY KEY("election_id","code")
);
--> statement-breakpoint
CREATE TABLE "pb_voters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"nik_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"region_code" text NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "pb_ballots" ADD CONSTRAINT "pb_ballots_election_id_pb_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."pb_elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_projects" ADD CONSTRAINT "pb_projects_election_id_pb_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."pb_elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_projects" ADD CONSTRAINT "pb_projects_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_voters" ADD CONSTRAINT "pb_voters_election_id_pb_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."pb_elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pb_ballots_election_idx" ON "pb_ballots" USING btree ("election_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pb_voters_nik_idx" ON "pb_voters" USING btree ("election_id","nik_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "pb_voters_code_idx" ON "pb_voters" USING btree ("election_id","code_hash");