import type { Catalog } from './messages.ts';

/** The text of the issues hardening raises (issue 17): input the system refuses to store or read. */
export const securityIssuesId: Catalog = {
  unstorable_character: 'memuat karakter yang tidak dapat disimpan (karakter NUL); hapus lalu kirim lagi',
};

export const securityIssuesEn: Catalog = {
  unstorable_character: 'contains a character that cannot be stored (NUL); remove it and send again',
};
