import { fundingLineKey } from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { kabupatenName } from '../regions/regions.service.ts';
import { projectItems } from './projects.service.ts';

/**
 * The projects as an Open Contracting for Infrastructure Data Standard (OC4IDS) project package.
 * Codes follow the OC4IDS codelists (projectStatus, projectSector, projectType); money is IDR.
 * The project identifier prefix is Sinergi's own (`oc4ids-sinergi-<kabupaten>-`): a publisher
 * registers its prefix with the standard's maintainers before publishing officially.
 */
const sector: Record<string, string> = {
  jalan: 'transport.road',
  jembatan: 'transport.road',
  irigasi: 'economy',
  pasar: 'economy',
  gedung: 'governance',
  pelatihan: 'education',
  lainnya: 'governance',
};

/** Who pays from each source: a funder party (OC4IDS partyRole `funder`) of the project. */
function funderOf(source: string, kabupaten: string, desa: { code: string; name: string }) {
  switch (source) {
    case 'apbn':
      return { id: 'funder-apbn', name: 'Pemerintah Pusat (APBN)' };
    case 'apbd_provinsi':
      return { id: 'funder-apbd-provinsi', name: 'Pemerintah Provinsi (APBD provinsi)' };
    case 'apbd_kabupaten':
      return { id: 'funder-apbd-kabupaten', name: `Pemerintah ${kabupaten} (APBD)` };
    case 'dana_desa':
      return { id: `funder-dana-desa-${desa.code}`, name: `Pemerintah Desa ${desa.name} (Dana Desa)` };
    case 'swadaya':
      return { id: 'funder-swadaya', name: 'Swadaya masyarakat' };
    default:
      return { id: `funder-${source}`, name: 'Mitra swasta (CSR)' };
  }
}

/** OC4IDS periods are date-times: a day starts and ends in Western Indonesia Time (WIB, UTC+7). */
const dayStart = (date: string) => `${date}T00:00:00+07:00`;
const dayEnd = (date: string) => `${date}T23:59:59+07:00`;
const period = (start: string, end: string) => ({ startDate: dayStart(start), endDate: dayEnd(end) });

export async function oc4idsPackage(ctx: AppContext) {
  const { on, items } = await projectItems(ctx, {});
  const kabupaten = ctx.config.activeKabupaten.replace('.', '');
  const kabupatenTitle = await kabupatenName(ctx);
  const money = (amount: number) => ({ amount, currency: 'IDR' });
  return {
    uri: `${ctx.config.publicUrl}/api/oc4ids.json`,
    version: '0.9',
    publishedDate: ctx.clock().toISOString(),
    publisher: { name: `Pemerintah ${kabupatenTitle} melalui Sinergi` },
    // A URI (OC4IDS): the open data page, which says what is published, when, and under which licence.
    publicationPolicy: `${ctx.config.publicUrl}/data-terbuka`,
    projects: items.map((p) => {
      const id = `oc4ids-sinergi-${kabupaten}-${p.code}`;
      const status =
        p.status === 'selesai' ? 'completion' : p.status === 'belum_mulai' ? 'preparation' : 'implementation';
      // A CSR line names its partner (issue 21): the company itself is the funder.
      const funders = p.funding.map((f) => ({
        ...(f.partnerId
          ? { id: `funder-partner-${f.partnerId}`, name: f.partnerName ?? 'Mitra swasta (CSR)' }
          : funderOf(f.source, kabupatenTitle, { code: p.regionCode, name: p.regionName })),
        source: f.source,
      }));
      return {
        id,
        title: p.name,
        description: p.sample ? 'Data contoh untuk demonstrasi.' : p.name,
        status,
        type: p.type === 'gedung' || p.type === 'pasar' ? 'construction' : 'rehabilitation',
        sector: [sector[p.type] ?? 'governance'],
        period: period(p.startDate, p.endDate),
        budget: {
          amount: money(p.contractValue),
          budgetBreakdown: p.funding.map((f, i) => ({
            id: fundingLineKey(f),
            description: funders[i]!.name,
            amount: money(f.amount),
            sourceParty: { id: funders[i]!.id, name: funders[i]!.name },
          })),
        },
        locations: [
          {
            id: p.regionCode,
            description: `${p.regionName}, ${p.kecamatanName}`,
            address: { locality: p.regionName, region: p.kecamatanName, countryName: 'Indonesia' },
          },
        ],
        publicAuthority: { id: `org-${p.organisationId}`, name: p.organisation },
        // The agency that runs it, the firm that builds it, and who pays (OC4IDS partyRole codes).
        parties: [
          { id: `org-${p.organisationId}`, name: p.organisation, roles: ['publicAuthority', 'buyer'] },
          ...(p.contractor.trim()
            ? [{ id: `contractor-${p.code}`, name: p.contractor.trim(), roles: ['supplier'] }]
            : []),
          ...funders.map((f) => ({ id: f.id, name: f.name, roles: ['funder'] })),
        ],
        contractingProcesses: [
          {
            id: `${id}-1`,
            summary: {
              title: p.name,
              status: status === 'completion' ? 'closed' : 'active',
              contractValue: money(p.contractValue),
              contractPeriod: period(p.startDate, p.endDate),
            },
          },
        ],
        metrics: [
          {
            id: 'physicalProgress',
            title: 'Kemajuan fisik (%)',
            observations: [
              {
                id: 'rencana',
                period: { endDate: dayEnd(on) },
                measure: Math.round(p.plannedPhysical * 10) / 10,
                unit: { name: 'persen' },
              },
              {
                id: 'realisasi',
                period: { endDate: dayEnd(on) },
                measure: p.physical,
                unit: { name: 'persen' },
              },
            ],
          },
          {
            id: 'spending',
            title: 'Realisasi keuangan',
            observations: [{ id: 'realisasi', period: { endDate: dayEnd(on) }, value: money(p.spent) }],
          },
        ],
        ...(status === 'completion' ? { completion: { finalValue: money(p.spent) } } : {}),
      };
    }),
  };
}
