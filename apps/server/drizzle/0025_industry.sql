CREATE TABLE "industries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kbli" text NOT NULL,
	"scale" text NOT NULL,
	"desa_code" text NOT NULL,
	"sentra_id" uuid,
	"product" text DEFAULT '' NOT NULL,
	"env_permit" text DEFAULT '' NOT NULL,
	"env_permit_number" text DEFAULT '' NOT NULL,
	"certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_reports" (
	"industry_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"workforce" integer NOT NULL,
	"production_value" bigint NOT NULL,
	"raw_materials" text DEFAULT '' NOT NULL,
	"electricity_kwh" double precision NOT NULL,
	"fuel" jsonb NOT NULL,
	"water_m3" double precision NOT NULL,
	"solid_waste_ton" double precision NOT NULL,
	"hazardous_waste_ton" double precision NOT NULL,
	"wastewater_m3" double precision NOT NULL,
	"wastewater_cod_kg" double precision NOT NULL,
	"wastewater_treatment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "industry_reports_industry_id_year_pk" PRIMARY KEY("industry_id","year")
);
--> statement-breakpoint
CREATE TABLE "industry_sentra" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"product" text NOT NULL,
	"desa_code" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_training_participants" (
	"training_id" uuid NOT NULL,
	"industry_id" uuid NOT NULL,
	CONSTRAINT "industry_training_participants_training_id_industry_id_pk" PRIMARY KEY("training_id","industry_id")
);
--> statement-breakpoint
CREATE TABLE "industry_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"organiser" text NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"partner_id" uuid,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "industries" ADD CONSTRAINT "industries_sentra_id_industry_sentra_id_fk" FOREIGN KEY ("sentra_id") REFERENCES "public"."industry_sentra"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_reports" ADD CONSTRAINT "industry_reports_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_training_participants" ADD CONSTRAINT "industry_training_participants_training_id_industry_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."industry_trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_training_participants" ADD CONSTRAINT "industry_training_participants_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "industries_desa_idx" ON "industries" USING btree ("desa_code");