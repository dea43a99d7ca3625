import type { IndexScheme } from '../scheme.ts';

/**
 * IDM, Indeks Desa Membangun (Permendesa PDTT 2/2016): 50 indicators scored 0..5 in three
 * dimensions, IKS = sum/175, IKE = sum/60, IKL = sum/15, IDM = their mean; status thresholds as
 * published by Kemendesa (strictly above the lower bound). Indicator codes and names: Kemendesa's
 * 2024 "rumusan" as collected in reference-data/idm (see its README).
 */
export const idm2016: IndexScheme = {
  id: 'idm-2016',
  version: '2024',
  name: 'Indeks Desa Membangun (IDM)',
  regulation: 'Permendesa PDTT No. 2 Tahun 2016',
  scoreMin: 0,
  scoreMax: 5,
  aggregation: {
    kind: 'mean-of-normalised-sums',
  },
  statuses: [
    {
      code: 'SANGAT TERTINGGAL',
      name: 'Sangat Tertinggal',
      above: null,
    },
    {
      code: 'TERTINGGAL',
      name: 'Tertinggal',
      above: 0.4907,
    },
    {
      code: 'BERKEMBANG',
      name: 'Berkembang',
      above: 0.5989,
    },
    {
      code: 'MAJU',
      name: 'Maju',
      above: 0.7072,
    },
    {
      code: 'MANDIRI',
      name: 'Mandiri',
      above: 0.8155,
    },
  ],
  unconfirmed: ['routing', 'rubrics'],
  notes: {
    routing: {
      id: 'Pihak yang bertindak untuk tiap indikator adalah bawaan yang disusun Sinergi dari pokok indikatornya, bukan tabel Kemendesa; setiap kabupaten dapat mengubahnya di skemanya.',
      en: 'Who acts on each indicator is a default compiled by Sinergi from the subject of the indicator, not a Kemendesa table; each kabupaten edits it in its scheme.',
    },
    rubrics: {
      id: 'Hanya pita rubrik yang tercantum dalam fakta domain yang dimuat (11 indikator); nilai di antara pita tidak mendapat skor dari rubrik, sehingga operator mengisi skornya. Rubrik lengkap belum dipastikan.',
      en: 'Only the rubric bands stated in the domain facts are included (11 indicators); values between the stated bands have no score from the rubric, so the operator enters the score. The complete rubric is not confirmed.',
    },
  },
  dimensions: [
    {
      code: 'IKS',
      name: 'Indeks Ketahanan Sosial',
      indicators: [
        {
          code: 'IKS01_AKSES_SARKES',
          name: 'Akses sarana kesehatan',
          subdimension: 'Kesehatan',
          actor: 'kabupaten',
          organisations: ['DINKES'],
        },
        {
          code: 'IKS02_DOKTER',
          name: 'Ketersediaan dokter',
          subdimension: 'Kesehatan',
          actor: 'kabupaten',
          organisations: ['DINKES'],
          rubric: {
            unit: 'orang',
            label: 'Jumlah dokter',
            bands: [
              {
                max: 0,
                score: 0,
              },
              {
                min: 1,
                score: 5,
              },
            ],
          },
        },
        {
          code: 'IKS03_BIDAN',
          name: 'Ketersediaan bidan',
          subdimension: 'Kesehatan',
          actor: 'kabupaten',
          organisations: ['DINKES'],
        },
        {
          code: 'IKS04_NAKES_LAIN',
          name: 'Tenaga kesehatan lain',
          subdimension: 'Kesehatan',
          actor: 'kabupaten',
          organisations: ['DINKES'],
        },
        {
          code: 'IKS05_KEPESERTAAN_BPJS',
          name: 'Kepesertaan BPJS',
          subdimension: 'Kesehatan',
          actor: 'pusat',
          organisations: ['DINKES'],
          rubric: {
            unit: 'rasio',
            label: 'Rasio warga peserta BPJS',
            bands: [
              {
                max: 0.1,
                maxExclusive: true,
                score: 1,
              },
              {
                min: 0.1,
                max: 0.25,
                score: 2,
              },
              {
                min: 0.26,
                max: 0.5,
                score: 3,
              },
              {
                min: 0.6,
                max: 0.75,
                score: 4,
              },
              {
                min: 0.75,
                minExclusive: true,
                score: 5,
              },
            ],
          },
        },
        {
          code: 'IKS06_AKSES_POSKESDES',
          name: 'Akses poskesdes/polindes',
          subdimension: 'Kesehatan',
          actor: 'kabupaten',
          organisations: ['DINKES'],
          rubric: {
            unit: 'm',
            label: 'Jarak ke poskesdes/polindes (meter)',
            bands: [
              {
                max: 500,
                score: 5,
              },
              {
                min: 500,
                minExclusive: true,
                max: 1000,
                score: 4,
              },
              {
                min: 3500,
                minExclusive: true,
                score: 1,
              },
            ],
          },
        },
        {
          code: 'IKS07_AKTIVITAS_POSYANDU',
          name: 'Aktivitas posyandu',
          subdimension: 'Kesehatan',
          actor: 'desa',
          organisations: ['DINKES'],
        },
        {
          code: 'IKS08_AKSES_SD_MI',
          name: 'Akses SD/MI',
          subdimension: 'Pendidikan',
          actor: 'kabupaten',
          organisations: ['DISDIK'],
        },
        {
          code: 'IKS09_AKSES_SMP_MTS',
          name: 'Akses SMP/MTs',
          subdimension: 'Pendidikan',
          actor: 'kabupaten',
          organisations: ['DISDIK'],
          rubric: {
            unit: 'm',
            label: 'Jarak ke SMP/MTs (meter)',
            bands: [
              {
                max: 6000,
                score: 5,
              },
              {
                min: 12000,
                minExclusive: true,
                score: 1,
              },
            ],
          },
        },
        {
          code: 'IKS10_AKSES_SMA_SMK',
          name: 'Akses SMA/SMK',
          subdimension: 'Pendidikan',
          actor: 'provinsi',
          organisations: [],
          rubric: {
            unit: 'm',
            label: 'Jarak ke SMA/SMK (meter)',
            bands: [
              {
                max: 6000,
                score: 5,
              },
              {
                min: 12000,
                minExclusive: true,
                score: 1,
              },
            ],
          },
        },
        {
          code: 'IKS11_PAUD',
          name: 'Ketersediaan PAUD',
          subdimension: 'Pendidikan',
          actor: 'desa',
          organisations: ['DISDIK'],
          rubric: {
            unit: 'unit',
            label: 'Jumlah PAUD',
            bands: [
              {
                max: 0,
                score: 1,
              },
              {
                min: 1,
                score: 5,
              },
            ],
          },
        },
        {
          code: 'IKS12_PKBM_PAKET_ABC',
          name: 'PKBM/Paket A-B-C',
          subdimension: 'Pendidikan',
          actor: 'kabupaten',
          organisations: ['DISDIK'],
          rubric: {
            unit: 'unit',
            label: 'Jumlah PKBM/Paket A-B-C',
            bands: [
              {
                max: 0,
                score: 1,
              },
              {
                min: 1,
                score: 5,
              },
            ],
          },
        },
        {
          code: 'IKS13_KURSUS',
          name: 'Lembaga kursus',
          subdimension: 'Pendidikan',
          actor: 'csr',
          organisations: ['DISNAKER'],
          rubric: {
            unit: 'unit',
            label: 'Jumlah lembaga kursus',
            bands: [
              {
                max: 0,
                score: 1,
              },
              {
                min: 1,
                score: 5,
              },
            ],
          },
        },
        {
          code: 'IKS14_TAMAN_BACA_PERPUS',
          name: 'Taman baca/perpustakaan desa',
          subdimension: 'Pendidikan',
          actor: 'desa',
          organisations: ['DISPERPUSIP'],
        },
        {
          code: 'IKS15_KEBIASAAN_GOTONG_ROYONG',
          name: 'Kebiasaan gotong royong',
          subdimension: 'Modal sosial',
          actor: 'desa',
          organisations: [],
        },
        {
          code: 'IKS16_FREKUENSI_GOTONG_ROYONG',
          name: 'Frekuensi gotong royong',
          subdimension: 'Modal sosial',
          actor: 'desa',
          organisations: [],
        },
        {
          code: 'IKS17_RUANG_PUBLIK',
          name: 'Ruang publik terbuka',
          subdimension: 'Modal sosial',
          actor: 'desa',
          organisations: ['DPKP'],
        },
        {
          code: 'IKS18_KELOMPOK_OLAHRAGA',
          name: 'Kelompok olahraga',
          subdimension: 'Modal sosial',
          actor: 'desa',
          organisations: ['DISBUDPARPORA'],
        },
        {
          code: 'IKS19_KEGIATAN_OLAHRAGA',
          name: 'Kegiatan olahraga',
          subdimension: 'Modal sosial',
          actor: 'desa',
          organisations: ['DISBUDPARPORA'],
        },
        {
          code: 'IKS20_KERAGAMAN_AGAMA',
          name: 'Keragaman agama',
          subdimension: 'Modal sosial',
          actor: 'lainnya',
          organisations: [],
        },
        {
          code: 'IKS21_KERAGAMAN_BAHASA',
          name: 'Keragaman bahasa',
          subdimension: 'Modal sosial',
          actor: 'lainnya',
          organisations: [],
        },
        {
          code: 'IKS22_KERAGAMAN_KOMUNIKASI',
          name: 'Keragaman komunikasi',
          subdimension: 'Modal sosial',
          actor: 'desa',
          organisations: [],
        },
        {
          code: 'IKS23_POSKAMLING',
          name: 'Pos kamling',
          subdimension: 'Modal sosial',
          actor: 'desa',
          organisations: ['SATPOLPP'],
        },
        {
          code: 'IKS24_SISKAMLING',
          name: 'Siskamling',
          subdimension: 'Modal sosial',
          actor: 'desa',
          organisations: ['SATPOLPP'],
        },
        {
          code: 'IKS25_KONFLIK',
          name: 'Kejadian konflik',
          subdimension: 'Modal sosial',
          actor: 'desa',
          organisations: ['BAKESBANGPOL'],
        },
        {
          code: 'IKS26_PMKS',
          name: 'Keberadaan PMKS',
          subdimension: 'Modal sosial',
          actor: 'kabupaten',
          organisations: ['DINSOS'],
        },
        {
          code: 'IKS27_SLB',
          name: 'Sekolah luar biasa (SLB)',
          subdimension: 'Modal sosial',
          actor: 'provinsi',
          organisations: [],
        },
        {
          code: 'IKS28_AKSES_LISTRIK',
          name: 'Akses listrik',
          subdimension: 'Permukiman',
          actor: 'pusat',
          organisations: [],
          rubric: {
            unit: 'rasio',
            label: 'Rasio rumah tangga berlistrik',
            bands: [
              {
                min: 0.5,
                max: 0.59,
                score: 2,
              },
              {
                min: 0.9,
                score: 5,
              },
            ],
          },
        },
        {
          code: 'IKS29_SINYAL_TELEPON',
          name: 'Sinyal telepon seluler',
          subdimension: 'Permukiman',
          actor: 'pusat',
          organisations: ['DISKOMINFO'],
        },
        {
          code: 'IKS30_INTERNET_KANTOR_DESA',
          name: 'Internet kantor desa',
          subdimension: 'Permukiman',
          actor: 'desa',
          organisations: ['DISKOMINFO'],
        },
        {
          code: 'IKS31_INTERNET_WARGA',
          name: 'Internet warga',
          subdimension: 'Permukiman',
          actor: 'csr',
          organisations: ['DISKOMINFO'],
        },
        {
          code: 'IKS32_AKSES_JAMBAN',
          name: 'Akses jamban',
          subdimension: 'Permukiman',
          actor: 'kabupaten',
          organisations: ['DINKES', 'DPKP'],
        },
        {
          code: 'IKS33_SAMPAH',
          name: 'Pembuangan sampah',
          subdimension: 'Permukiman',
          actor: 'kabupaten',
          organisations: ['DLH'],
        },
        {
          code: 'IKS34_AIR_MINUM',
          name: 'Sumber air minum',
          subdimension: 'Permukiman',
          actor: 'kabupaten',
          organisations: ['DPUPR'],
        },
        {
          code: 'IKS35_AIR_MANDI_CUCI',
          name: 'Air mandi & cuci',
          subdimension: 'Permukiman',
          actor: 'kabupaten',
          organisations: ['DPKP'],
        },
      ],
    },
    {
      code: 'IKE',
      name: 'Indeks Ketahanan Ekonomi',
      indicators: [
        {
          code: 'IKE01_KERAGAMAN_PRODUKSI',
          name: 'Keragaman produksi',
          subdimension: 'Keragaman produksi',
          actor: 'desa',
          organisations: ['DISTANPANGAN'],
        },
        {
          code: 'IKE02_PERTOKOAN',
          name: 'Pusat pertokoan',
          subdimension: 'Perdagangan & jasa',
          actor: 'kabupaten',
          organisations: ['DISPERINDAG'],
        },
        {
          code: 'IKE03_PASAR',
          name: 'Pasar',
          subdimension: 'Perdagangan & jasa',
          actor: 'kabupaten',
          organisations: ['DISPERINDAG'],
        },
        {
          code: 'IKE04_TOKO_WARUNG_KELONTONG',
          name: 'Toko/warung kelontong',
          subdimension: 'Perdagangan & jasa',
          actor: 'desa',
          organisations: [],
        },
        {
          code: 'IKE05_KEDAI_PENGINAPAN',
          name: 'Kedai makan & penginapan',
          subdimension: 'Perdagangan & jasa',
          actor: 'desa',
          organisations: ['DISBUDPARPORA'],
        },
        {
          code: 'IKE06_POS_LOGISTIK',
          name: 'Kantor pos & logistik',
          subdimension: 'Distribusi & logistik',
          actor: 'pusat',
          organisations: [],
        },
        {
          code: 'IKE07_BANK_BPR',
          name: 'Bank & BPR',
          subdimension: 'Keuangan & kredit',
          actor: 'csr',
          organisations: [],
          rubric: {
            unit: 'unit',
            label: 'Jumlah bank/BPR',
            bands: [
              {
                max: 0,
                score: 0,
              },
              {
                min: 1,
                max: 1,
                score: 3,
              },
            ],
          },
        },
        {
          code: 'IKE08_KREDIT',
          name: 'Fasilitas kredit',
          subdimension: 'Keuangan & kredit',
          actor: 'kabupaten',
          organisations: ['DISKOPUM'],
        },
        {
          code: 'IKE09_LEMBAGA_EKONOMI',
          name: 'Koperasi & BUMDes',
          subdimension: 'Lembaga ekonomi',
          actor: 'desa',
          organisations: ['DISKOPUM', 'DPMD'],
          rubric: {
            unit: 'unit',
            label: 'Jumlah koperasi dan BUMDes',
            bands: [
              {
                max: 0,
                score: 1,
              },
              {
                min: 2,
                score: 5,
              },
            ],
          },
        },
        {
          code: 'IKE10_TRANSPORTASI_UMUM',
          name: 'Transportasi umum',
          subdimension: 'Keterbukaan wilayah',
          actor: 'kabupaten',
          organisations: ['DISHUB'],
        },
        {
          code: 'IKE11_KETERBUKAAN_WILAYAH',
          name: 'Jalan tembus roda empat',
          subdimension: 'Keterbukaan wilayah',
          actor: 'kabupaten',
          organisations: ['DPUPR'],
        },
        {
          code: 'IKE12_KUALITAS_JALAN',
          name: 'Kualitas jalan',
          subdimension: 'Keterbukaan wilayah',
          actor: 'kabupaten',
          organisations: ['DPUPR'],
        },
      ],
    },
    {
      code: 'IKL',
      name: 'Indeks Ketahanan Ekologi',
      indicators: [
        {
          code: 'IKL01_KUALITAS_LINGKUNGAN',
          name: 'Kualitas lingkungan',
          subdimension: 'Kualitas lingkungan',
          actor: 'kabupaten',
          organisations: ['DLH'],
        },
        {
          code: 'IKL02_RAWAN_BENCANA',
          name: 'Kerawanan bencana',
          subdimension: 'Kebencanaan',
          actor: 'kabupaten',
          organisations: ['BPBD'],
        },
        {
          code: 'IKL03_TANGGAP_BENCANA',
          name: 'Fasilitas tanggap bencana',
          subdimension: 'Kebencanaan',
          actor: 'kabupaten',
          organisations: ['BPBD'],
        },
      ],
    },
  ],
};
