import { boolean, doublePrecision, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** Household survey records for poverty and inequality (per-capita expenditure, size, weight). */
export const surveyHouseholds = pgTable(
  'survey_households',
  {
    survey: text('survey').notNull(),
    id: text('id').notNull(),
    expenditurePerCapita: doublePrecision('expenditure_per_capita').notNull(),
    size: integer('size').notNull(),
    weight: doublePrecision('weight').notNull(),
    regionCode: text('region_code'),
    sample: boolean('sample').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.survey, t.id] })],
);
