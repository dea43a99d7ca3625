CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"umkm_id" uuid,
	"group" text NOT NULL,
	"status" text NOT NULL,
	"enrolled_on" date NOT NULL,
	"completed_on" date,
	"sessions_attended" integer DEFAULT 0 NOT NULL,
	"check" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kk_hash" text NOT NULL,
	"kk_sealed" text NOT NULL,
	"region_code" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"welfare_decile" smallint,
	"decile_year" integer,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"enrolment_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"phase" text NOT NULL,
	"value" double precision NOT NULL,
	"measured_on" date NOT NULL,
	CONSTRAINT "measurements_enrolment_id_indicator_phase_pk" PRIMARY KEY("enrolment_id","indicator","phase")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nik_hash" text NOT NULL,
	"nik_sealed" text NOT NULL,
	"family_id" uuid,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"region_code" text NOT NULL,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_rule_versions" (
	"program_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"rule" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_rule_versions_program_id_version_pk" PRIMARY KEY("program_id","version")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"budget" bigint NOT NULL,
	"target_beneficiaries" integer NOT NULL,
	"target_groups" text DEFAULT '' NOT NULL,
	"eligibility" jsonb NOT NULL,
	"eligibility_version" integer DEFAULT 1 NOT NULL,
	"outputs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"excludes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cyclic" boolean DEFAULT false NOT NULL,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "survey_households" (
	"survey" text NOT NULL,
	"id" text NOT NULL,
	"expenditure_per_capita" double precision NOT NULL,
	"size" integer NOT NULL,
	"weight" double precision NOT NULL,
	"region_code" text,
	"sample" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_households_survey_id_pk" PRIMARY KEY("survey","id")
);
--> statement-breakpoint
CREATE TABLE "umkm" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"owner_id" uuid,
	"region_code" text NOT NULL,
	"products" text DEFAULT '' NOT NULL,
	"permits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "umkm_records" (
	"umkm_id" uuid NOT NULL,
	"period" date NOT NULL,
	"revenue" bigint NOT NULL,
	"workers" integer NOT NULL,
	CONSTRAINT "umkm_records_umkm_id_period_pk" PRIMARY KEY("umkm_id","period")
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_umkm_id_umkm_id_fk" FOREIGN KEY ("umkm_id") REFERENCES "public"."umkm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_rule_versions" ADD CONSTRAINT "program_rule_versions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm" ADD CONSTRAINT "umkm_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_records" ADD CONSTRAINT "umkm_records_umkm_id_umkm_id_fk" FOREIGN KEY ("umkm_id") REFERENCES "public"."umkm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_person_idx" ON "enrolments" USING btree ("program_id","person_id");--> statement-breakpoint
CREATE INDEX "enrolments_program_idx" ON "enrolments" USING btree ("program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "families_kk_idx" ON "families" USING btree ("kk_hash");--> statement-breakpoint
CREATE INDEX "families_region_idx" ON "families" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "people_nik_idx" ON "people" USING btree ("nik_hash");--> statement-breakpoint
CREATE INDEX "people_region_idx" ON "people" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "umkm_owner_idx" ON "umkm" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "umkm_region_idx" ON "umkm" USING btree ("region_code");