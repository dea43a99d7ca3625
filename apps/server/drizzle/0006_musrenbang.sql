CREATE TABLE "forum_items" (
	"forum_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	"rank" integer,
	"decision" text,
	CONSTRAINT "forum_items_forum_id_proposal_id_pk" PRIMARY KEY("forum_id","proposal_id")
);
--> statement-breakpoint
CREATE TABLE "forums" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" text NOT NULL,
	"region_code" text NOT NULL,
	"plan_year" integer NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"participants" jsonb NOT NULL,
	"method" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"state" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kamus_usulan" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"bidang" text NOT NULL,
	"organisation_id" uuid,
	"program" text NOT NULL,
	"unit" text NOT NULL,
	"unit_cost" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"from_year" integer,
	"to_year" integer,
	"reason" text,
	"note" text,
	"related_proposal_id" uuid,
	"forum_id" uuid
);
--> statement-breakpoint
CREATE TABLE "proposal_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"track" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"bidang" text NOT NULL,
	"organisation_id" uuid,
	"region_code" text NOT NULL,
	"rt" text,
	"rw" text,
	"latitude" double precision,
	"longitude" double precision,
	"volume" double precision NOT NULL,
	"unit" text NOT NULL,
	"estimated_cost" bigint NOT NULL,
	"community_contribution" bigint DEFAULT 0 NOT NULL,
	"beneficiaries" integer NOT NULL,
	"plan_year" integer NOT NULL,
	"stage" text NOT NULL,
	"state" text NOT NULL,
	"merged_into" uuid,
	"proposer_name" text NOT NULL,
	"proposer_user_id" uuid,
	"electoral_district" text,
	"contact" text,
	"kamus_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_tracking_code_unique" UNIQUE("tracking_code")
);
--> statement-breakpoint
ALTER TABLE "forum_items" ADD CONSTRAINT "forum_items_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_items" ADD CONSTRAINT "forum_items_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kamus_usulan" ADD CONSTRAINT "kamus_usulan_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_photos" ADD CONSTRAINT "proposal_photos_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forums_year_idx" ON "forums" USING btree ("plan_year","level");--> statement-breakpoint
CREATE INDEX "proposal_events_proposal_idx" ON "proposal_events" USING btree ("proposal_id","id");--> statement-breakpoint
CREATE INDEX "proposal_photos_proposal_idx" ON "proposal_photos" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "proposals_year_stage_idx" ON "proposals" USING btree ("plan_year","stage");--> statement-breakpoint
CREATE INDEX "proposals_region_idx" ON "proposals" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "proposals_organisation_idx" ON "proposals" USING btree ("organisation_id");--> statement-breakpoint
-- A proposal's history is append-only, like the audit log: what a forum decided stays decided.
CREATE OR REPLACE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER proposal_events_no_update_delete BEFORE UPDATE OR DELETE ON proposal_events
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
