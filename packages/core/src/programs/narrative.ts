import { formatNumber, formatRupiah } from '../format.ts';
import type { OutcomeResult, ProgramEvaluation } from './evaluate.ts';

/**
 * The evaluation report's text, in the shape of the DPRD's evaluations (Pendahuluan, Tujuan,
 * Pelaksanaan, Dampak positif, Tantangan, Rekomendasi, Kesimpulan). Every sentence comes from a
 * rule over the numbers; nothing is written that a number does not support. Each sentence carries
 * the rule that produced it, so a reader can trace it.
 */
export const programTypes = ['pelatihan', 'modal', 'pemasaran', 'bansos', 'lainnya'] as const;
export type ProgramType = (typeof programTypes)[number];

export const indicators: Record<string, { label: string; money: boolean; unit: string }> = {
  pendapatan: { label: 'pendapatan bulanan', money: true, unit: 'Rp/bulan' },
  omzet: { label: 'omzet usaha bulanan', money: true, unit: 'Rp/bulan' },
  hasil_panen: { label: 'hasil panen', money: false, unit: 'kg/musim' },
  harga_jual: { label: 'harga jual', money: true, unit: 'Rp/kg' },
  tenaga_kerja: { label: 'jumlah pekerja', money: false, unit: 'orang' },
  usaha_baru: { label: 'usaha baru yang dimulai', money: false, unit: 'usaha' },
};

export interface NarrativeInput {
  name: string;
  type: ProgramType;
  opd: string;
  period: { start: string; end: string };
  budget: number;
  evaluation: ProgramEvaluation;
  /** Planned outputs with what has been delivered, as the agency reports it. */
  outputs?: readonly { name: string; unit: string; target: number; achieved?: number | undefined }[];
}

export interface Sentence {
  text: string;
  rule: string;
}

export type Narrative = Record<
  'pendahuluan' | 'tujuan' | 'pelaksanaan' | 'dampak' | 'tantangan' | 'rekomendasi' | 'kesimpulan',
  Sentence[]
>;

/** 0.5 → "50 %", 0.6667 → "66,7 %". */
const pct = (x: number) => {
  const v = Math.round(x * 1000) / 10;
  return `${formatNumber(v, Number.isInteger(v) ? 0 : 1)} %`;
};
const label = (indicator: string) => indicators[indicator]?.label ?? indicator;
const amount = (indicator: string, x: number) =>
  indicators[indicator]?.money
    ? formatRupiah(Math.round(x))
    : `${formatNumber(x, Number.isInteger(x) ? 0 : 2)} ${indicators[indicator]?.unit ?? ''}`.trim();
const improves = (o: OutcomeResult) =>
  !!o.effect?.significant && (o.direction === 'higher' ? o.effect.estimate > 0 : o.effect.estimate < 0);

export function programNarrative(p: NarrativeInput): Narrative {
  const e = p.evaluation;
  const n: Narrative = {
    pendahuluan: [],
    tujuan: [],
    pelaksanaan: [],
    dampak: [],
    tantangan: [],
    rekomendasi: [],
    kesimpulan: [],
  };
  const say = (part: keyof Narrative, rule: string, text: string) => n[part].push({ text, rule });

  say(
    'pendahuluan',
    'identitas',
    `Program ${p.name} dilaksanakan oleh ${p.opd} pada ${p.period.start} sampai ${p.period.end} dengan anggaran ${formatRupiah(p.budget)}.`,
  );
  say(
    'tujuan',
    'sasaran',
    `Program menargetkan ${formatNumber(e.reach.target)} penerima manfaat${
      e.outcomes.length ? ` dan perubahan pada ${e.outcomes.map((o) => label(o.indicator)).join(', ')}` : ''
    }.`,
  );
  for (const o of e.outcomes)
    if (o.target !== null)
      say(
        'tujuan',
        'target_dampak',
        `Target perubahan ${label(o.indicator)} peserta: ${amount(o.indicator, o.target)}.`,
      );

  const reach = e.reach.share;
  say(
    'pelaksanaan',
    'jangkauan',
    `Program menjangkau ${formatNumber(e.reach.enrolled)} peserta dari target ${formatNumber(e.reach.target)}${
      reach !== null ? ` (${pct(reach)})` : ''
    }${
      e.completion.n
        ? `; ${formatNumber(Math.round(e.completion.share * e.completion.n))} peserta menyelesaikannya (${pct(e.completion.share)})`
        : ''
    }.`,
  );
  for (const o of p.outputs ?? [])
    if (o.achieved !== undefined)
      say(
        'pelaksanaan',
        'keluaran',
        `Keluaran "${o.name}": ${formatNumber(o.achieved)} dari target ${formatNumber(o.target)} ${o.unit}${o.target ? ` (${pct(o.achieved / o.target)})` : ''}.`,
      );
  if (e.costPerBeneficiary !== null)
    say(
      'pelaksanaan',
      'biaya_per_penerima',
      `Biaya per penerima manfaat ${formatRupiah(Math.round(e.costPerBeneficiary))}.`,
    );
  if (e.comparisonGroup)
    say(
      'pelaksanaan',
      'pembanding',
      `Perubahan peserta dibandingkan dengan ${formatNumber(e.comparisonGroup)} warga serupa yang tidak mengikuti program (kelompok pembanding).`,
    );

  for (const o of e.outcomes) {
    if (improves(o)) {
      const eff = o.effect!;
      say(
        'dampak',
        'dampak_nyata',
        `${label(o.indicator)[0]!.toUpperCase()}${label(o.indicator).slice(1)} peserta berubah ${amount(o.indicator, eff.estimate)} lebih baik daripada kelompok pembanding (selang kepercayaan 95 %: ${amount(o.indicator, eff.low)} sampai ${amount(o.indicator, eff.high)}).`,
      );
      if (o.costPerOutcome !== null)
        say(
          'dampak',
          'biaya_per_hasil',
          `${formatNumber(o.achieved)} peserta membaik pada ${label(o.indicator)}; biaya per hasil ${formatRupiah(Math.round(o.costPerOutcome))}.`,
        );
      if (o.target !== null && Math.abs(eff.estimate) < Math.abs(o.target))
        say(
          'tantangan',
          'dampak_di_bawah_target',
          `Dampak pada ${label(o.indicator)} nyata tetapi di bawah target (${amount(o.indicator, eff.estimate)} dari ${amount(o.indicator, o.target)}).`,
        );
    } else if (o.effect) {
      say(
        'tantangan',
        'dampak_belum_terbukti',
        `Dampak pada ${label(o.indicator)} belum terbukti: selisih dengan kelompok pembanding ${amount(o.indicator, o.effect.estimate)} (selang kepercayaan 95 %: ${amount(o.indicator, o.effect.low)} sampai ${amount(o.indicator, o.effect.high)}).`,
      );
      say(
        'rekomendasi',
        'tinjau_desain',
        `Tinjau desain program untuk ${label(o.indicator)} (materi, lama pendampingan, sasaran) sebelum memperluasnya.`,
      );
    } else if (o.participants) {
      say(
        'tantangan',
        'tanpa_pembanding',
        `Perubahan ${label(o.indicator)} peserta (${amount(o.indicator, o.participants.estimate)}) tidak dapat dipisahkan dari perubahan umum karena tidak ada kelompok pembanding yang diukur.`,
      );
      say(
        'rekomendasi',
        'bentuk_pembanding',
        'Tetapkan dan ukur kelompok pembanding pada siklus berikutnya agar dampak dapat dibuktikan.',
      );
    }
    if (e.reach.enrolled && o.measured.peserta < 0.5 * e.reach.enrolled)
      say(
        'tantangan',
        'pengukuran_kurang',
        `Hanya ${formatNumber(o.measured.peserta)} dari ${formatNumber(e.reach.enrolled)} peserta diukur pada awal dan akhir untuk ${label(o.indicator)}.`,
      );
  }

  if (reach !== null && reach < 0.8) {
    say('tantangan', 'jangkauan_rendah', `Jangkauan ${pct(reach)} dari target.`);
    say(
      'rekomendasi',
      p.type === 'modal' ? 'pinjaman_lentur' : 'perluas_sosialisasi',
      p.type === 'modal'
        ? 'Akses permodalan di bawah target: pertimbangkan skema pinjaman yang lebih lentur (tenor lebih panjang, agunan ringan, angsuran mengikuti musim panen) dan pendampingan pengajuan.'
        : 'Perluas sosialisasi melalui pemerintah desa dan kelompok warga agar sasaran terpenuhi.',
    );
  }
  if (e.completion.n && e.completion.share < 0.7) {
    say('tantangan', 'penyelesaian_rendah', `Tingkat penyelesaian ${pct(e.completion.share)}.`);
    say(
      'rekomendasi',
      'jadwal_pendampingan',
      'Sesuaikan jadwal dan tempat kegiatan dengan waktu kerja peserta dan tambah pendampingan agar lebih banyak yang menyelesaikan program.',
    );
  }
  const women = e.bySex.find((g) => g.key === 'P')?.enrolled ?? 0;
  if (e.reach.enrolled >= 20 && women / e.reach.enrolled < 0.3) {
    say('tantangan', 'peserta_perempuan', `Peserta perempuan hanya ${pct(women / e.reach.enrolled)}.`);
    say(
      'rekomendasi',
      'jangkau_perempuan',
      'Jangkau perempuan pelaku usaha melalui PKK dan kelompok usaha perempuan.',
    );
  }
  const proven = e.outcomes.filter(improves);
  if (proven.length && (reach ?? 0) >= 0.8) {
    const lowest = [...e.byKecamatan].sort((a, b) => a.enrolled - b.enrolled)[0];
    say(
      'rekomendasi',
      'lanjutkan',
      `Program layak dilanjutkan${lowest ? `; perluasan dapat didahulukan ke kecamatan dengan peserta paling sedikit (${lowest.key}, ${formatNumber(lowest.enrolled)} peserta)` : ''}.`,
    );
  }
  if (p.type === 'pemasaran' && proven.some((o) => o.indicator === 'omzet'))
    say(
      'rekomendasi',
      'pemasaran_daring',
      'Perluas pendampingan pemasaran daring dan pameran ke UMKM yang belum terjangkau.',
    );

  say(
    'kesimpulan',
    'ringkasan',
    proven.length
      ? `Dari ${e.outcomes.length} ukuran dampak, ${proven.length} terbukti membaik dibanding kelompok pembanding (${proven.map((o) => label(o.indicator)).join(', ')}).`
      : e.outcomes.length
        ? `Belum ada ukuran dampak yang terbukti membaik dibanding kelompok pembanding dari ${e.outcomes.length} yang diukur.`
        : 'Program belum menetapkan ukuran dampak.',
  );
  if (n.rekomendasi.length === 0)
    say(
      'rekomendasi',
      'tanpa_temuan',
      'Tidak ada temuan yang memerlukan perubahan; lanjutkan pemantauan setiap siklus.',
    );
  return n;
}
