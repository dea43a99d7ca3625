import {
  ckanDatastoreQuery,
  ckanDatastoreSearch,
  ckanPackageList,
  ckanPackageSearch,
  ckanPackageShow,
  ckanSearchQuery,
  ckanShowQuery,
  datasetFileParams,
  datasetList,
  datasetMeta,
  datasetParams,
  datasetRecords,
  dcatCatalog,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { languageOf } from '../../http/problem.ts';
import { sendFile } from '../../http/send-file.ts';
import type { Module } from '../module.ts';
import * as ckan from './opendata.ckan.ts';
import * as service from './opendata.service.ts';

/** Open data (issue 21): datasets with their dictionary, files, a CKAN-compatible API and DCAT-AP. */
function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['opendata'];
  const open = { permission: 'opendata.read', cache: 'daily' } as const;
  app.get(
    '/data',
    {
      config: open,
      schema: {
        tags,
        summary: 'Every open dataset with its dictionary, licence and version',
        response: { 200: datasetList },
      },
    },
    async (request) => service.catalogue(ctx, languageOf(request)),
  );
  app.get(
    '/data/catalog.jsonld',
    {
      config: open,
      schema: {
        tags,
        summary: 'The open data catalogue as DCAT-AP (JSON-LD)',
        response: { 200: dcatCatalog },
      },
    },
    async (request, reply) =>
      reply.type('application/ld+json; charset=utf-8').send(await ckan.dcatCatalog(ctx, languageOf(request))),
  );
  app.get(
    '/data/:id',
    {
      config: open,
      schema: {
        tags,
        summary: "One dataset's description and data dictionary",
        params: datasetParams,
        response: { 200: datasetMeta },
      },
    },
    async (request) =>
      (await service.describe(ctx, service.mustFindDataset(request.params.id), languageOf(request))).meta,
  );
  app.get(
    '/data/:id/:format',
    {
      config: open,
      schema: {
        tags,
        summary: 'A dataset as CSV, XLSX (with its dictionary) or JSON (with its description)',
        params: datasetFileParams,
        response: { 200: datasetRecords },
      },
    },
    async (request, reply) => {
      const { id, format } = request.params;
      const file = await service.datasetFile(ctx, id, format, languageOf(request));
      if (file.kind === 'json') return file.body;
      return sendFile(reply, { kind: file.kind, name: `${id}.${format}`, data: file.data });
    },
  );

  // The CKAN Action API (read part), as a Satu Data portal's harvester calls it.
  app.get(
    '/3/action/package_list',
    {
      config: open,
      schema: { tags, summary: 'CKAN: the names of every dataset', response: { 200: ckanPackageList } },
    },
    async () => ckan.packageList(ctx),
  );
  app.get(
    '/3/action/package_show',
    {
      config: open,
      schema: {
        tags,
        summary: 'CKAN: one dataset with its resources',
        querystring: ckanShowQuery,
        response: { 200: ckanPackageShow },
      },
    },
    async (request) => ckan.packageShow(ctx, request.query.id, languageOf(request)),
  );
  app.get(
    '/3/action/package_search',
    {
      config: open,
      schema: {
        tags,
        summary: 'CKAN: datasets matching words',
        querystring: ckanSearchQuery,
        response: { 200: ckanPackageSearch },
      },
    },
    async (request) => ckan.packageSearch(ctx, request.query, languageOf(request)),
  );
  app.get(
    '/3/action/datastore_search',
    {
      config: open,
      schema: {
        tags,
        summary: "CKAN: a dataset's records, a page at a time",
        querystring: ckanDatastoreQuery,
        response: { 200: ckanDatastoreSearch },
      },
    },
    async (request) => ckan.datastoreSearch(ctx, request.query),
  );
}

export const opendataModule: Module = { name: 'opendata', routes };
