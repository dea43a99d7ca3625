ALTER TABLE "allocation_scenarios" ADD COLUMN "adoption" jsonb;--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "quorum" integer;--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "reopenings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "import_key" text;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD COLUMN "import_key" text;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "correction_reason" text;--> statement-breakpoint
ALTER TABLE "village_index_results" ADD COLUMN "return_note" text;--> statement-breakpoint
-- Two scenarios of one year could both be adopted before this migration: the later stays adopted.
UPDATE "allocation_scenarios" s SET "state" = 'digantikan' WHERE s."state" = 'diadopsi' AND EXISTS (SELECT 1 FROM "allocation_scenarios" o WHERE o."state" = 'diadopsi' AND o."plan_year" = s."plan_year" AND (o."updated_at", o."id") > (s."updated_at", s."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_scenarios_adopted_idx" ON "allocation_scenarios" USING btree ("plan_year") WHERE state = 'diadopsi';--> statement-breakpoint
CREATE UNIQUE INDEX "plan_nodes_import_key_idx" ON "plan_nodes" USING btree ("plan_id","import_key");