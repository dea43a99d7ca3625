import {
  boundaryQuery,
  editionList,
  featureCollection,
  job,
  region,
  regionDetail,
  regionLoadBody,
  regionParams,
  regionSearchQuery,
  regionSearchResult,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { presentJob } from '../jobs/jobs.presenter.ts';
import type { Module } from '../module.ts';
import { loadRegions } from './regions.loader.ts';
import { presentEdition, presentRegion } from './regions.presenter.ts';
import * as service from './regions.service.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['regions'];
  const read = { permission: 'regions.read' } as const;
  /** Answers kept until what they were read from changes (http/read-cache.ts). */
  const cached = { ...read, cache: true } as const;

  app.get(
    '/regions',
    {
      config: cached,
      schema: {
        tags,
        summary: 'The provinces (top of the tree)',
        response: { 200: z.object({ items: z.array(region.extend({ childCount: z.number().int() })) }) },
      },
    },
    async () => ({
      items: (await service.findProvinces(ctx)).map((r) => ({
        ...presentRegion(r),
        childCount: r.childCount,
      })),
    }),
  );
  app.get(
    '/regions/search',
    {
      config: cached,
      schema: {
        tags,
        summary: 'Search regions by name or code (partial, ranked)',
        querystring: regionSearchQuery,
        response: { 200: regionSearchResult },
      },
    },
    async (request) => ({
      items: (await service.searchRegions(ctx, request.query)).map((r) => ({
        ...presentRegion(r),
        path: r.path,
      })),
    }),
  );
  app.get(
    '/regions/editions',
    {
      config: cached,
      schema: {
        tags,
        summary: 'Editions of the Kepmendagri region list held',
        response: { 200: editionList },
      },
    },
    async () => ({ items: (await service.findEditions(ctx)).map(presentEdition) }),
  );
  app.get(
    '/regions/boundaries',
    {
      config: cached,
      schema: {
        tags,
        summary: "GeoJSON of the active kabupaten's kecamatan or desa",
        querystring: boundaryQuery,
        response: { 200: featureCollection },
      },
    },
    async (request, reply) => {
      const rows = await service.getBoundaries(ctx, request.query.level);
      reply.header('cache-control', 'public, max-age=3600');
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((r) => ({
          type: 'Feature' as const,
          properties: {
            code: r.code,
            name: r.name,
            kind: r.kind,
            parentCode: r.parentCode,
            labelLat: r.labelLat,
            labelLng: r.labelLng,
          },
          geometry: r.geometry,
        })),
      };
    },
  );
  app.get(
    '/regions/:code',
    {
      config: cached,
      schema: {
        tags,
        summary: 'One region with its ancestors and children',
        params: regionParams,
        response: { 200: regionDetail },
      },
    },
    async (request) => {
      const d = await service.getRegion(ctx, request.params.code);
      return {
        ...presentRegion(d.region),
        ancestors: d.ancestors.map(presentRegion),
        children: d.children.map((c) => ({ ...presentRegion(c), childCount: c.childCount })),
        counts: d.counts,
        hasBoundary: d.hasBoundary,
        edition: d.edition,
      };
    },
  );
  app.post(
    '/regions/load',
    {
      config: { permission: 'regions.load' },
      schema: {
        tags,
        summary: 'Load the bundled national region list (a job)',
        body: regionLoadBody,
        response: { 202: job },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(presentJob(await service.requestRegionLoad(ctx, request.principal, request.body.force))),
  );
}

export const regionsModule: Module = {
  name: 'regions',
  routes,
  jobs: { 'regions.load': loadRegions },
};
