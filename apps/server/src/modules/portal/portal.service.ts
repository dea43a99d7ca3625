import type { publicProposalQuery } from '@sinergi/contracts';
import { AppError } from '@sinergi/core';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { supportCounts } from '../citizens/citizens.facade.ts';
import {
  publicPhoto,
  publicProposalByCode,
  publicProposalRows,
  similarPublic,
} from '../musrenbang/musrenbang.facade.ts';
import { projectsOfProposals } from '../projects/projects.facade.ts';
import { namesOf } from '../regions/regions.service.ts';
import { presentPublicDetail, presentPublicItem, publicDecision } from './portal.presenter.ts';

const kecamatanOf = (code: string) => code.split('.').slice(0, 3).join('.');

/** The names of these desa and of their kecamatan, in one query. */
function placeNames(ctx: AppContext, codes: readonly string[]) {
  return namesOf(ctx, [...new Set(codes.flatMap((c) => [c, kecamatanOf(c)]))]);
}

/**
 * Public proposals (issue 20): what a desa let through moderation, filtered by place, year, step
 * and bidang, with the latest decision and its reason, and the project when it was funded.
 */
export async function listPublicProposals(ctx: AppContext, q: z.infer<typeof publicProposalQuery>) {
  const { rows, total, perDesa } = await publicProposalRows(ctx, {
    year: q.year,
    within: q.region,
    stage: q.stage,
    bidang: q.bidang,
    q: q.q,
    limit: q.limit,
    offset: q.offset,
  });
  const names = await placeNames(
    ctx,
    rows.map((r) => r.p.regionCode),
  );
  const ids = rows.map((r) => r.p.id);
  const projects = await projectsOfProposals(ctx, ids);
  const supports = await supportCounts(ctx, ids);
  return {
    total,
    perDesa,
    items: rows.map((r) =>
      presentPublicItem(
        r.p,
        publicDecision(r.decision && { ...r.decision, actor: r.decision.actorLabel }),
        names,
        projects.get(r.p.id) ?? null,
        supports.get(r.p.id) ?? 0,
      ),
    ),
  };
}

/**
 * One proposal's public page, by its tracking code: its path step by step and, when funded, the
 * project and its progress. While its desa still moderates it (a citizen's aspiration), whoever
 * holds the code sees where it stands, not its text or photos.
 */
export async function getPublicProposal(ctx: AppContext, code: string) {
  const found = await publicProposalByCode(ctx, code);
  if (!found) throw new AppError('NOT_FOUND', { details: { what: code } });
  const names = await placeNames(ctx, [found.p.regionCode]);
  const projects = await projectsOfProposals(ctx, [found.p.id]);
  const supports = await supportCounts(ctx, [found.p.id]);
  return presentPublicDetail(found, names, projects.get(found.p.id) ?? null, supports.get(found.p.id) ?? 0);
}

export async function getPublicPhoto(ctx: AppContext, code: string, photoId: string) {
  const photo = await publicPhoto(ctx, code, photoId);
  if (!photo) throw new AppError('NOT_FOUND', { details: { what: photoId } });
  return photo;
}

/** What a citizen may want to support instead of proposing again: similar proposals of the desa and year. */
export async function similarProposals(ctx: AppContext, q: { region: string; year: number; title: string }) {
  return { items: await similarPublic(ctx, q.region, q.year, q.title) };
}
