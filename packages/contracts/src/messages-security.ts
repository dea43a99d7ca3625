import type { Catalog } from './messages.ts';

/** The text of the issues hardening raises (issue 17): input the system refuses to store or read. */
export const securityIssuesId: Catalog = {
  unstorable_character: 'memuat karakter yang tidak dapat disimpan (karakter NUL); hapus lalu kirim lagi',
  photo_unreadable:
    'berkas foto rusak atau terlalu besar untuk dibuka ({types}, paling banyak 40 megapiksel)',
  unpacks_too_large: 'isi berkas XLSX setelah dibuka melebihi {limit}; pecah menjadi beberapa berkas',
  too_many_columns: 'baris {line} memiliki lebih dari {max} kolom',
  cell_too_long: 'sel di baris {line} lebih panjang dari {max} karakter',
  record_too_long: 'satu baris lebih panjang dari {max} karakter',
  file_too_complex: 'berkas terlalu besar untuk dibaca; pecah menjadi beberapa berkas',
  server_busy: 'server sedang membaca banyak berkas; coba lagi sebentar lagi',
  more_issues: 'dan {count} masalah lain; perbaiki yang di atas lalu unggah lagi',
};

export const securityIssuesEn: Catalog = {
  unstorable_character: 'contains a character that cannot be stored (NUL); remove it and send again',
  photo_unreadable: 'the photo is damaged or too large to open ({types}, at most 40 megapixels)',
  unpacks_too_large: 'the XLSX file unpacks into more than {limit}; split it into several files',
  too_many_columns: 'line {line} has more than {max} columns',
  cell_too_long: 'a cell on line {line} is longer than {max} characters',
  record_too_long: 'a line is longer than {max} characters',
  file_too_complex: 'the file is too large to read; split it into several files',
  server_busy: 'the server is reading many files; try again in a moment',
  more_issues: 'and {count} more problems; fix those above and upload again',
};
