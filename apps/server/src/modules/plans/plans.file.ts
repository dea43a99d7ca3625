import { planNodeKinds } from '@sinergi/contracts';
import { AppError, type FieldIssue, linkAllowed, readNumber, sameJson } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { readXlsxUpload } from '../../http/table-file.ts';
import { tableColumns } from '../../http/table-parse.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { columnYears, INDICATORS, type IndicatorRow, indicatorRowsOf } from './plans.file-indicators.ts';
import * as repo from './plans.repository.ts';
import { assertMayEdit, mustFindPlan } from './plans.service.ts';

/**
 * A plan as an XLSX template that comes back: the tree ("Pohon": one row per item, keyed by its
 * id, with its parent's key, kind, code, title, tags, the higher items it supports and its pagu per
 * year) and the indicators ("Indikator": baseline, yearly targets, realisations and their sources).
 * A reference sheet lists the higher plans' targets with their keys, to fill "mendukung". On import
 * a row whose key is an item of the plan updates it; any other key makes a new item (and may be
 * the parent of later rows). Items of the plan missing from the file are left as they are. The
 * whole file is checked first and refused with every problem named, or applied in one transaction.
 */
export const TREE = 'Pohon';

export { INDICATORS } from './plans.file-indicators.ts';

export const REFERENCE = 'Rujukan';

/** The plan's years, and any other year an item or indicator carries (a 2045 target in an RPJMD). */
export const years = (p: { startYear: number; endYear: number }, extra: Iterable<string> = []) =>
  [
    ...new Set([
      ...Array.from({ length: p.endYear - p.startYear + 1 }, (_, i) => String(p.startYear + i)),
      ...extra,
    ]),
  ].sort();

const list = (x: string) =>
  x
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

interface NodeRow {
  line: number;
  key: string;
  parent: string | null;
  kind: string;
  code: string | null;
  title: string;
  tags: string[];
  supports: string[];
  budget: Record<string, number>;
}

export async function importPlan(ctx: AppContext, principal: Principal, planId: string, data: Buffer) {
  const plan = await mustFindPlan(ctx, planId);
  await assertMayEdit(ctx, principal, plan);
  const db = ctx.database.db;
  const book = await readXlsxUpload(data);
  const tree = book.get(TREE);
  if (!tree)
    throw new AppError('VALIDATION', { issues: [{ field: `sheet ${TREE}`, issue: 'missing_sheet' }] });
  const issues: FieldIssue[] = [];
  const at = (s: string, line: number, col: string) => `sheet ${s}, line ${line}, column ${col}`;

  const existing = await repo.findNodesOfPlan(db, planId);
  // A row's key is an item's id, or the key a row of an earlier import gave a new item: importing
  // the same file twice finds the items the first import made instead of making them again.
  const keyed = new Map(existing.flatMap((n) => (n.importKey ? [[n.importKey, n.id] as const] : [])));
  const existingIds = new Set([...existing.map((n) => n.id), ...keyed.keys()]);
  // The items of other plans this plan may support (the same rule as linking in the browser).
  const others = new Map((await repo.findNodesWithPlans(db, { notOfPlan: planId })).map((r) => [r.id, r]));

  // The tree.
  const [treeHeader, ...treeBody] = tree;
  const t = tableColumns(treeHeader, ['kunci', 'jenis', 'uraian'], `sheet ${TREE}, `);
  const rows: NodeRow[] = [];
  const keys = new Set<string>();
  for (const [i, cells] of treeBody.entries()) {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) continue;
    const c = (name: string) => t.cell(cells, name);
    const key = c('kunci');
    if (!key) issues.push({ field: at(TREE, line, 'kunci'), issue: 'required' });
    else if (keys.has(key))
      issues.push({ field: at(TREE, line, 'kunci'), issue: 'plan_duplicate_key', params: { value: key } });
    const parent = c('induk') || null;
    if (parent && !keys.has(parent) && !existingIds.has(parent))
      issues.push({ field: at(TREE, line, 'induk'), issue: 'plan_unknown_key', params: { value: parent } });
    if (parent && parent === key) issues.push({ field: at(TREE, line, 'induk'), issue: 'plan_cycle' });
    keys.add(key);
    const kind = c('jenis').toLowerCase();
    if (!(planNodeKinds as readonly string[]).includes(kind))
      issues.push({
        field: at(TREE, line, 'jenis'),
        issue: 'invalid_value',
        params: { values: planNodeKinds.join(', ') },
      });
    const title = c('uraian');
    if (title.length < 3 || title.length > 300)
      issues.push({ field: at(TREE, line, 'uraian'), issue: title ? 'too_short' : 'required' });
    const supports = list(c('mendukung'));
    for (const s of supports) {
      const other = others.get(s);
      const issue = !other
        ? existingIds.has(s)
          ? 'plan_same_plan'
          : 'plan_unknown_key'
        : linkAllowed(plan, other)
          ? null
          : 'plan_not_higher';
      if (issue) issues.push({ field: at(TREE, line, 'mendukung'), issue, params: { value: s } });
    }
    const budget: Record<string, number> = {};
    for (const y of columnYears(t.names, 'pagu_')) {
      const v = c(`pagu_${y}`);
      if (!v) continue;
      const amount = readNumber(v, 'whole');
      if (amount === null || amount < 0 || amount > 1e15)
        issues.push({ field: at(TREE, line, `pagu_${y}`), issue: 'rupiah' });
      else budget[y] = amount;
    }
    rows.push({
      line,
      key,
      parent,
      kind,
      code: c('kode') || null,
      title,
      tags: list(c('tag')),
      supports,
      budget,
    });
  }
  // A parent row given later in the file, or a loop among existing items, is named too.
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.parent && !seen.has(r.parent) && !existingIds.has(r.parent) && keys.has(r.parent))
      issues.push({
        field: at(TREE, r.line, 'induk'),
        issue: 'plan_unknown_key',
        params: { value: r.parent },
      });
    seen.add(r.key);
  }
  const parentOf = new Map(existing.map((n) => [n.id, n.parentId]));
  for (const r of rows) parentOf.set(r.key, r.parent);
  for (const r of rows) {
    const visited = new Set<string>();
    for (let p = r.parent; p; p = parentOf.get(p) ?? null) {
      if (p === r.key || visited.has(p)) {
        issues.push({ field: at(TREE, r.line, 'induk'), issue: 'plan_cycle' });
        break;
      }
      visited.add(p);
    }
  }

  // The indicators.
  const indicatorRows: IndicatorRow[] = [];
  const existingIndicators = await repo.findIndicatorsOf(
    db,
    existing.map((n) => n.id),
  );
  const indicatorKeyed = new Map(
    existingIndicators.flatMap((i) => (i.importKey ? [[i.importKey, i.id] as const] : [])),
  );
  indicatorRows.push(
    ...indicatorRowsOf(book.get(INDICATORS), (k) => keys.has(k) || existingIds.has(k), issues),
  );
  if (issues.length) throw new AppError('VALIDATION', { issues });

  // Apply: new keys get ids, in file order so a parent exists before its children.
  const idOf = new Map<string, string>(keyed);
  for (const r of rows)
    if (!idOf.has(r.key)) idOf.set(r.key, existingIds.has(r.key) ? r.key : crypto.randomUUID());
  const resolve = (k: string) => idOf.get(k) ?? k;
  // Each item's change is in the plan's history with what it was, as an edit in the browser is.
  const history = (
    action: 'plan.node_added' | 'plan.node_changed' | 'plan.indicator_added' | 'plan.indicator_changed',
    before: Record<string, unknown> | undefined,
    after: Record<string, unknown>,
  ) => ({
    action,
    entity: 'plan' as const,
    entityId: planId,
    ...(before ? { before } : {}),
    after: { ...after, source: 'import' },
  });
  const nodeFacts = (n: {
    id: string;
    title: string;
    kind: string;
    code: string | null;
    parentId: string | null;
    budget: unknown;
    tags: unknown;
  }) => ({
    nodeId: n.id,
    title: n.title,
    kind: n.kind,
    code: n.code,
    parentId: n.parentId,
    budget: n.budget,
    tags: n.tags,
  });
  const byId = new Map(existing.map((n) => [n.id, n]));
  const positions = new Map<string | null, number>();
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const oldLinks = await repo.findLinksOf(
    db,
    existing.map((n) => n.id),
  );
  return db.transaction(async (tx) => {
    for (const r of rows) {
      const id = resolve(r.key);
      const parentId = r.parent ? resolve(r.parent) : null;
      const position = positions.get(parentId) ?? 0;
      positions.set(parentId, position + 1);
      const values = {
        parentId,
        kind: r.kind,
        code: r.code,
        title: r.title,
        tags: r.tags,
        budget: r.budget,
        position,
      };
      const before = byId.get(id);
      const links = oldLinks
        .filter((l) => l.nodeId === id)
        .map((l) => l.supportsId)
        .sort();
      if (!before) {
        await repo.insertNode(tx, { id, planId, ...values, importKey: r.key === id ? null : r.key });
        await appendAudit(tx, principal, history('plan.node_added', undefined, nodeFacts({ id, ...values })));
        created++;
      } else {
        const same =
          before.parentId === parentId &&
          before.kind === r.kind &&
          before.code === r.code &&
          before.title === r.title &&
          JSON.stringify(before.tags) === JSON.stringify(r.tags) &&
          sameJson(before.budget, r.budget) &&
          before.position === position &&
          JSON.stringify(links) === JSON.stringify([...r.supports].sort());
        if (same) {
          unchanged++;
          continue;
        }
        await repo.updateNode(tx, id, { ...values, updatedAt: ctx.clock() });
        await repo.replaceLinks(tx, id, []);
        await appendAudit(
          tx,
          principal,
          history(
            'plan.node_changed',
            { ...nodeFacts(before), supports: links },
            { ...nodeFacts({ id, ...values }), supports: r.supports },
          ),
        );
        updated++;
      }
      await repo.insertLinks(tx, id, r.supports);
    }
    let indicatorsWritten = 0;
    for (const r of indicatorRows) {
      const nodeId = resolve(r.nodeKey);
      const { seriesIndicator, seriesRegion, ...rest } = r.body;
      const values = {
        ...rest,
        nodeId,
        seriesIndicator: seriesIndicator ?? null,
        seriesRegion: seriesIndicator ? (seriesRegion ?? ctx.config.activeKabupaten) : null,
      };
      // A row without a key is found again by its item and name.
      const importKey = r.key || `${r.nodeKey}/${r.body.name}`;
      const indicatorId = indicatorKeyed.get(importKey) ?? r.key;
      const before = existingIndicators.find((i) => i.id === indicatorId);
      if (before) {
        const same =
          before.nodeId === nodeId &&
          before.name === values.name &&
          before.unit === values.unit &&
          before.direction === values.direction &&
          before.additive === values.additive &&
          before.baselineYear === values.baselineYear &&
          before.baselineValue === values.baselineValue &&
          before.seriesIndicator === values.seriesIndicator &&
          sameJson(before.targets, values.targets) &&
          sameJson(before.realisations, values.realisations);
        if (same) continue;
        await repo.updateIndicator(tx, before.id, values);
        await appendAudit(
          tx,
          principal,
          history(
            'plan.indicator_changed',
            {
              indicatorId: before.id,
              name: before.name,
              targets: before.targets,
              realisations: before.realisations,
              baselineValue: before.baselineValue,
            },
            {
              indicatorId: before.id,
              name: values.name,
              targets: values.targets,
              realisations: values.realisations,
              baselineValue: values.baselineValue,
            },
          ),
        );
      } else {
        const newId = await repo.insertIndicator(tx, { ...values, importKey });
        await appendAudit(
          tx,
          principal,
          history('plan.indicator_added', undefined, { indicatorId: newId, name: values.name, nodeId }),
        );
      }
      indicatorsWritten++;
    }
    await appendAudit(tx, principal, {
      action: 'plan.imported',
      entity: 'plan',
      entityId: planId,
      after: { created, updated, unchanged, indicators: indicatorsWritten },
    });
    return { created, updated, unchanged, indicators: indicatorsWritten };
  });
}
