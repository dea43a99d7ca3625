import type { Catalog } from './messages.ts';

/** The text of the issues workflow steps raise (issue 16): what a step still needs, said plainly. */
export const workflowIssuesId: Catalog = {
  reason_required: 'tuliskan alasannya (paling sedikit 3 huruf)',
  needs_project:
    'usulan yang sudah didanai masuk ke pelaksanaan dengan membuat proyeknya (menu Proyek → Dari usulan)',
  over_budget: 'jumlah yang didanai ({total}) melebihi pagu tahun ini ({budget})',
  not_solved: 'skenario belum dihitung atau tidak memilih usulan apa pun',
  supersede_reason: 'skenario "{name}" sudah diadopsi untuk tahun ini; tuliskan alasan menggantinya',
  attendance_missing: 'daftar hadir belum diisi: forum tidak dapat ditutup tanpa peserta',
  below_quorum: 'baru {total} peserta hadir, kurang dari kuorum {quorum} orang',
  not_scored: 'nilai atau suara usulan {code} belum disimpan',
  unsaved_scores: 'ada nilai yang belum disimpan: simpan nilai dulu sebelum menutup forum',
  forum_later_decided: 'sudah diputuskan lagi di tahap berikutnya, sehingga forum tidak dapat dibuka kembali',
  progress_backwards:
    'kemajuan fisik turun dari laporan sebelumnya ({value} %); bila memang salah, tandai sebagai koreksi dan tulis alasannya',
  spending_backwards:
    'realisasi kumulatif turun dari laporan {date} ({value}); bila memang salah, tandai sebagai koreksi dan tulis alasannya',
  report_date_verified:
    'laporan tanggal ini sudah diverifikasi dan tidak diganti; laporkan kemajuan berikutnya dengan tanggal lain',
};

export const workflowIssuesEn: Catalog = {
  reason_required: 'write the reason (at least 3 letters)',
  needs_project:
    'a funded proposal moves to implementation when its project is created (Projects → From a proposal)',
  over_budget: 'the funded total ({total}) exceeds this year’s budget ({budget})',
  not_solved: 'the scenario has not been solved or selects no proposal',
  supersede_reason: 'scenario "{name}" is already adopted for this year; write why it is replaced',
  attendance_missing: 'no attendance recorded: a forum cannot close without participants',
  below_quorum: 'only {total} participants attended, fewer than the quorum of {quorum}',
  not_scored: 'the scores or votes of proposal {code} are not saved',
  unsaved_scores: 'some scores are not saved: save the scores before closing the forum',
  forum_later_decided: 'has since been decided at the next step, so the forum cannot be reopened',
  progress_backwards:
    'physical progress falls below the previous report ({value} %); if that was wrong, mark this as a correction and write why',
  spending_backwards:
    'cumulative spending falls below the report of {date} ({value}); if that was wrong, mark this as a correction and write why',
  report_date_verified:
    'the report of this date is verified and is not replaced; report further progress with another date',
};
