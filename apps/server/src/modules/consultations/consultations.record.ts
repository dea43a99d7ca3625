import type { Language } from '@sinergi/contracts';
import { dateInWords, todayIn } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { letterhead, numberLine, signedBy } from '../../reports/letterhead.ts';
import { headerRow, printedFooter, renderPdf } from '../../reports/pdf.ts';
import { numberedLetterhead } from '../system/documents.service.ts';
import { getConsultation, windowText } from './consultations.service.ts';

/**
 * The record of a public consultation (Permendagri 86/2017: the results of the consultation are
 * recorded in a berita acara and attached to the draft plan): the plan, the window, every comment
 * with the item it is on, and Bappeda's answer to each; numbered once, on the letterhead.
 */
export async function consultationRecord(ctx: AppContext, principal: Principal, id: string, lang: Language) {
  const c = await getConsultation(ctx, principal, id, lang);
  const head = await numberedLetterhead(ctx, ctx.config.activeKabupaten, 'konsultasi', id);
  const today = todayIn(undefined, ctx.clock());
  const itemTitle = new Map(c.items.map((i) => [i.id, `${i.code ? `${i.code} ` : ''}${i.title}`]));
  const body = [
    headerRow(['No', 'Butir rencana', 'Dari', 'Komentar', 'Jawaban']),
    ...c.commentList.map((x, i) => [
      String(i + 1),
      x.nodeId ? (itemTitle.get(x.nodeId) ?? '') : 'Rencana secara umum',
      x.author,
      x.body,
      x.answer ?? '(belum dijawab)',
    ]),
  ];
  const doc = {
    pageMargins: [40, 50, 40, 50],
    info: { title: `Berita acara konsultasi publik ${c.plan.name}` },
    footer: printedFooter(ctx.clock()),
    content: [
      ...letterhead(head),
      { text: 'BERITA ACARA', bold: true, fontSize: 14, alignment: 'center' },
      { text: 'KONSULTASI PUBLIK RANCANGAN RENCANA', bold: true, fontSize: 11, alignment: 'center' },
      { text: c.plan.name.toUpperCase(), bold: true, alignment: 'center', margin: [0, 0, 0, 2] },
      ...numberLine(head),
      { text: '', margin: [0, 0, 0, 8] },
      {
        text:
          `${dateInWords(today)}, telah dicatat hasil konsultasi publik "${c.title}" atas rancangan ` +
          `${c.plan.name} (${c.plan.kind} ${c.plan.startYear}–${c.plan.endYear}) yang dibuka untuk ` +
          `komentar pada ${windowText(c)}, sesuai Permendagri Nomor 86 Tahun 2017. ` +
          `Tercatat ${c.commentList.length} komentar; ${c.commentList.length - c.unanswered} telah dijawab.`,
        alignment: 'justify',
        margin: [0, 0, 0, 8],
      },
      c.commentList.length
        ? {
            table: { headerRows: 1, dontBreakRows: true, widths: [18, 100, 70, '*', '*'], body },
            layout: 'lightHorizontalLines',
            fontSize: 9,
          }
        : { text: 'Tidak ada komentar yang masuk.', italics: true },
      signedBy(head, today, [], ['Kepala Bappeda']),
    ],
  };
  return { name: `berita-acara-konsultasi-${id.slice(0, 8)}.pdf`, pdf: await renderPdf(doc) };
}
