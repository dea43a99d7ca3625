/** Colours of a proposal's state, shared by the list, the detail and the public tracking page. */
export const stateColour: Record<string, string> = {
  aktif: 'blue',
  digabung: 'grape',
  ditolak: 'red',
  selesai: 'teal',
};
export const stageOrder = [
  'moderasi',
  'desa',
  'kecamatan',
  'opd',
  'kabupaten',
  'rkpd',
  'apbd',
  'pelaksanaan',
] as const;
