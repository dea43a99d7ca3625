import { z } from 'zod';

/**
 * Open data (issue 21, Satu Data Indonesia, Perpres 39/2019): every public table as a dataset with
 * its data dictionary, licence and version, downloadable as CSV, XLSX and JSON, readable by Satu
 * Data portals through a CKAN-compatible API and listed in a DCAT-AP catalogue.
 */
export const datasetId = z.string().regex(/^[a-z0-9-]{3,60}$/);
export const datasetParams = z.strictObject({ id: datasetId });
export const datasetFormat = z.enum(['csv', 'xlsx', 'json']);
export const datasetFileParams = z.strictObject({ id: datasetId, format: datasetFormat });

const column = z.object({
  /** The column's name in the CSV and JSON (snake_case, stable). */
  name: z.string(),
  title: z.string(),
  type: z.enum(['string', 'integer', 'number', 'date', 'boolean']),
  description: z.string(),
});

export const datasetMeta = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    keywords: z.array(z.string()),
    publisher: z.string(),
    licence: z.object({ id: z.string(), title: z.string(), url: z.string() }),
    /** Changes whenever a value changes: a digest of the rows. */
    version: z.string(),
    rows: z.number().int(),
    columns: z.array(column),
    downloads: z.object({ csv: z.string(), xlsx: z.string(), json: z.string() }),
  })
  .meta({ id: 'Dataset' });
export type DatasetMeta = z.infer<typeof datasetMeta>;

export const datasetList = z.object({ items: z.array(datasetMeta) });
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const datasetRecords = datasetMeta.extend({ records: z.array(z.record(z.string(), cell)) });

// CKAN's Action API (v3), the part harvesters read: https://docs.ckan.org/en/2.10/api/
const ckan = <T extends z.ZodType>(result: T) => z.object({ help: z.string(), success: z.boolean(), result });
const ckanResource = z.object({
  id: z.string(),
  package_id: z.string(),
  name: z.string(),
  format: z.string(),
  mimetype: z.string(),
  url: z.string(),
  datastore_active: z.boolean(),
});
const ckanPackage = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  notes: z.string(),
  version: z.string(),
  license_id: z.string(),
  license_title: z.string(),
  license_url: z.string(),
  organization: z.object({ name: z.string(), title: z.string() }),
  author: z.string(),
  tags: z.array(z.object({ name: z.string() })),
  num_resources: z.number().int(),
  resources: z.array(ckanResource),
  extras: z.array(z.object({ key: z.string(), value: z.string() })),
});
export const ckanPackageList = ckan(z.array(z.string()));
export const ckanPackageShow = ckan(ckanPackage);
export const ckanPackageSearch = ckan(z.object({ count: z.number().int(), results: z.array(ckanPackage) }));
export const ckanDatastoreSearch = ckan(
  z.object({
    resource_id: z.string(),
    fields: z.array(z.object({ id: z.string(), type: z.string() })),
    records: z.array(z.record(z.string(), cell)),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  }),
);
export const ckanShowQuery = z.object({ id: z.string().max(80) });
export const ckanSearchQuery = z.object({
  q: z.string().max(100).optional(),
  rows: z.coerce.number().int().min(0).max(1000).default(10),
  start: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const ckanDatastoreQuery = z.object({
  resource_id: z.string().max(80),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(0).max(32_000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
/** The DCAT-AP catalogue as JSON-LD: checked for its shape, its vocabulary is DCAT's. */
export const dcatCatalog = z.object({ '@context': z.record(z.string(), z.string()) }).catchall(z.unknown());
