import type { AppContext } from '../../context.ts';
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

export async function oc4idsPackage(ctx: AppContext) {
  const { on, items } = await projectItems(ctx, {});
  const kabupaten = ctx.config.activeKabupaten.replace('.', '');
  const money = (amount: number) => ({ amount, currency: 'IDR' });
  return {
    uri: '/api/oc4ids.json',
    version: '0.9',
    publishedDate: ctx.clock().toISOString(),
    publisher: { name: `Pemerintah Kabupaten (kode ${ctx.config.activeKabupaten}) melalui Sinergi` },
    publicationPolicy: 'Data kemajuan proyek diterbitkan setiap kali laporan kemajuan diverifikasi.',
    projects: items.map((p) => {
      const id = `oc4ids-sinergi-${kabupaten}-${p.code}`;
      const status =
        p.status === 'selesai' ? 'completion' : p.status === 'belum_mulai' ? 'preparation' : 'implementation';
      return {
        id,
        title: p.name,
        description: p.sample ? 'Data contoh untuk demonstrasi.' : p.name,
        status,
        type: p.type === 'gedung' || p.type === 'pasar' ? 'construction' : 'rehabilitation',
        sector: [sector[p.type] ?? 'governance'],
        period: { startDate: p.startDate, endDate: p.endDate },
        budget: {
          amount: money(p.contractValue),
          budgetBreakdown: p.funding.map((f) => ({
            id: f.source,
            description: f.source,
            amount: money(f.amount),
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
        parties: [
          { id: `org-${p.organisationId}`, name: p.organisation, roles: ['publicAuthority', 'buyer'] },
        ],
        contractingProcesses: [
          {
            id: `${id}-1`,
            summary: {
              title: p.name,
              status: status === 'completion' ? 'closed' : 'active',
              contractValue: money(p.contractValue),
              contractPeriod: { startDate: p.startDate, endDate: p.endDate },
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
                period: { endDate: on },
                measure: Math.round(p.plannedPhysical * 10) / 10,
                unit: { name: 'persen' },
              },
              { id: 'realisasi', period: { endDate: on }, measure: p.physical, unit: { name: 'persen' } },
            ],
          },
          {
            id: 'spending',
            title: 'Realisasi keuangan',
            observations: [{ id: 'realisasi', period: { endDate: on }, value: money(p.spent) }],
          },
        ],
        ...(status === 'completion' ? { completion: { finalValue: money(p.spent) } } : {}),
      };
    }),
  };
}
