import type { DatasetMeta, Language } from '@sinergi/contracts';
import { AppError } from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { datasets } from './opendata.datasets.ts';
import { catalogue, describe, mustFindDataset } from './opendata.service.ts';

/**
 * The CKAN Action API (v3) as Satu Data portals and their harvesters read it (package_list,
 * package_show, package_search, datastore_search; https://docs.ckan.org/en/2.10/api/), and the
 * same catalogue as DCAT-AP in JSON-LD. A dataset is a package; each of its formats a resource,
 * whose id is `<dataset>.<format>`; the JSON resource is the datastore one.
 */
const help = (ctx: AppContext, action: string) =>
  `${ctx.config.publicUrl}/api/3/action/help_show?name=${action}`;
const ok = <T>(ctx: AppContext, action: string, result: T) => ({
  help: help(ctx, action),
  success: true,
  result,
});

const mimetypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;

function asPackage(m: DatasetMeta) {
  const resources = (['csv', 'xlsx', 'json'] as const).map((format) => ({
    id: `${m.id}.${format}`,
    package_id: m.id,
    name: `${m.title} (${format.toUpperCase()})`,
    format: format.toUpperCase(),
    mimetype: mimetypes[format],
    url: m.downloads[format],
    datastore_active: format === 'json',
  }));
  return {
    id: m.id,
    name: m.id,
    title: m.title,
    notes: m.description,
    version: m.version,
    license_id: m.licence.id,
    license_title: m.licence.title,
    license_url: m.licence.url,
    organization: { name: 'sinergi', title: m.publisher },
    author: m.publisher,
    tags: m.keywords.map((name) => ({ name })),
    num_resources: resources.length,
    resources,
    extras: [
      { key: 'rows', value: String(m.rows) },
      { key: 'data_dictionary', value: JSON.stringify(m.columns) },
    ],
  };
}

export function packageList(ctx: AppContext) {
  return ok(
    ctx,
    'package_list',
    datasets.map((d) => d.id),
  );
}

export async function packageShow(ctx: AppContext, id: string, l: Language) {
  return ok(ctx, 'package_show', asPackage((await describe(ctx, mustFindDataset(id), l)).meta));
}

export async function packageSearch(
  ctx: AppContext,
  q: { q?: string | undefined; rows: number; start: number },
  l: Language,
) {
  const words = (q.q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w && w !== '*:*');
  const found = (await catalogue(ctx, l)).items.filter((m) => {
    const text = [m.id, m.title, m.description, ...m.keywords].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return ok(ctx, 'package_search', {
    count: found.length,
    results: found.slice(q.start, q.start + q.rows).map(asPackage),
  });
}

export async function datastoreSearch(
  ctx: AppContext,
  q: { resource_id: string; q?: string | undefined; limit: number; offset: number },
) {
  const [id, format] = q.resource_id.split('.');
  if (format && format !== 'json') throw new AppError('NOT_FOUND', { details: { what: q.resource_id } });
  const d = mustFindDataset(id ?? '');
  const records = await d.rows(ctx);
  const needle = q.q?.toLowerCase();
  const matching = needle
    ? records.filter((r) =>
        Object.values(r).some((v) =>
          String(v ?? '')
            .toLowerCase()
            .includes(needle),
        ),
      )
    : records;
  const ckanType = {
    string: 'text',
    integer: 'int',
    number: 'numeric',
    date: 'date',
    boolean: 'bool',
  } as const;
  return ok(ctx, 'datastore_search', {
    resource_id: `${d.id}.json`,
    fields: d.columns.map((c) => ({ id: c.name, type: ckanType[c.type] })),
    records: matching.slice(q.offset, q.offset + q.limit),
    total: matching.length,
    limit: q.limit,
    offset: q.offset,
  });
}

/** The catalogue in DCAT-AP (W3C DCAT v2, the EU application profile), as JSON-LD. */
export async function dcatCatalog(ctx: AppContext, l: Language) {
  const { items } = await catalogue(ctx, l);
  const base = ctx.config.publicUrl;
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      owl: 'http://www.w3.org/2002/07/owl#',
    },
    '@id': `${base}/api/data/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': l === 'en' ? 'Sinergi open data' : 'Data terbuka Sinergi',
    'dct:language': l,
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': items[0]?.publisher ?? '' },
    'dcat:dataset': items.map((m) => ({
      '@id': `${base}/api/data/${m.id}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': m.id,
      'dct:title': m.title,
      'dct:description': m.description,
      'dcat:keyword': m.keywords,
      'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': m.publisher },
      'dct:license': { '@id': m.licence.url },
      'owl:versionInfo': m.version,
      'dcat:distribution': (['csv', 'xlsx', 'json'] as const).map((format) => ({
        '@type': 'dcat:Distribution',
        'dcat:downloadURL': { '@id': m.downloads[format] },
        'dcat:mediaType': mimetypes[format],
        'dct:format': format.toUpperCase(),
        'dct:license': { '@id': m.licence.url },
      })),
    })),
  };
}
