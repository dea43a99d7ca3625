import type { Catalog } from './messages.ts';

/** The text of the issues hardening raises (issue 17): input the system refuses to store or read. */
export const securityIssuesId: Catalog = {
  unstorable_character: 'memuat karakter yang tidak dapat disimpan (karakter NUL); hapus lalu kirim lagi',
  photo_unreadable:
    'berkas foto rusak atau terlalu besar untuk dibuka ({types}, paling banyak 40 megapiksel)',
  unpacks_too_large: 'isi berkas XLSX setelah dibuka melebihi {limit}; pecah menjadi beberapa berkas',
};

export const securityIssuesEn: Catalog = {
  unstorable_character: 'contains a character that cannot be stored (NUL); remove it and send again',
  photo_unreadable: 'the photo is damaged or too large to open ({types}, at most 40 megapixels)',
  unpacks_too_large: 'the XLSX file unpacks into more than {limit}; split it into several files',
};
