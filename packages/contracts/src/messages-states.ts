/**
 * The states and actions an INVALID_STATE answer names, in words: [Bahasa Indonesia, English].
 * The codes come from core's state machines; a code not listed here is left out of the message
 * rather than shown.
 */
export const stateWords: Record<string, readonly [string, string]> = {
  aktif: ['aktif', 'active'],
  ditolak: ['ditolak', 'rejected'],
  digabung: ['digabung', 'merged'],
  ditunda: ['ditunda', 'deferred'],
  draf: ['draf', 'draft'],
  draft: ['draf', 'draft'],
  dibuka: ['dibuka', 'open'],
  ditutup: ['ditutup', 'closed'],
  selesai: ['selesai', 'finished'],
  dihitung: ['sudah dihitung', 'counted'],
  ditetapkan: ['ditetapkan', 'established'],
  dilaporkan: ['dilaporkan', 'reported'],
  diverifikasi: ['diverifikasi', 'verified'],
  dikembalikan: ['dikembalikan', 'returned'],
  diajukan: ['diajukan', 'submitted'],
  disetujui: ['disetujui', 'approved'],
  disalurkan: ['disalurkan', 'disbursed'],
  submitted: ['diajukan', 'submitted'],
  verified: ['diverifikasi', 'verified'],
  approved: ['disahkan', 'approved'],
  returned: ['dikembalikan', 'returned'],
  official: ['resmi', 'official'],
  kosong: ['belum diisi', 'empty'],
  not_solved: ['belum dihitung', 'not yet solved'],
  solved: ['sudah dihitung', 'solved'],
  adopted: ['ditetapkan', 'adopted'],
  baru: ['baru', 'new'],
  diproses: ['diproses', 'in progress'],
};

export const actionWords: Record<string, readonly [string, string]> = {
  verifikasi: ['memverifikasi', 'verify'],
  save: ['menyimpan', 'save'],
  submit: ['mengajukan', 'submit'],
  verify: ['memverifikasi', 'verify'],
  approve: ['mengesahkan', 'approve'],
  return: ['mengembalikan', 'return'],
  buka: ['membuka', 'open'],
  tutup: ['menutup', 'close'],
  ajukan: ['mengajukan', 'submit'],
  setujui: ['menyetujui', 'approve'],
  kembalikan: ['mengembalikan', 'return'],
  salurkan: ['menyalurkan', 'disburse'],
  diproses: ['memproses', 'process'],
  selesai: ['menyelesaikan', 'close'],
};
