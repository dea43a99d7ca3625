import { decisionWords, fillWords, mailWords, reasonWords, stageWords } from '@sinergi/contracts';
import type { RejectReason, Stage } from '@sinergi/core';
import type { Db } from '../../db/client.ts';
import * as repo from './inbox.repository.ts';

/** What the inbox module offers others: e-mails queued in the caller's transaction (sent after it commits). */

/** A plain e-mail address (what a citizen may leave as the contact of an aspiration). */
export const isEmailAddress = (s: string | null | undefined): s is string =>
  !!s && /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/.test(s.trim());

export interface DecisionForMail {
  to: string;
  trackingCode: string;
  title: string;
  kind: 'teruskan' | 'selesai' | 'tunda' | 'tolak' | 'gabung';
  toStage: Stage;
  toYear: number;
  reason: RejectReason | null;
  intoCode: string | null;
  note: string | null;
}

/**
 * Tells the citizen who sent an aspiration (and left an e-mail address) a decision on it, with the
 * reason, in the transaction that records the decision: the mail is queued once per decision, or
 * not at all when the decision is not recorded. It carries the proposal's title and tracking code
 * and nothing about anyone.
 */
export async function queueDecisionMail(tx: Db, d: DecisionForMail, publicUrl: string): Promise<void> {
  // Bahasa Indonesia: a citizen has no account in which to choose another language.
  const id = 0;
  const decision = fillWords(decisionWords[d.kind][id], {
    stage: stageWords[d.toStage][id],
    year: d.toYear,
    code: d.intoCode ?? '',
  });
  const lines = [
    fillWords(mailWords.decisionBody[id], { title: d.title, code: d.trackingCode, decision }),
    ...(d.reason ? [fillWords(mailWords.reason[id], { reason: reasonWords[d.reason][id] })] : []),
    ...(d.note?.trim() ? [d.note.trim()] : []),
    '',
    fillWords(mailWords.track[id], { url: `${publicUrl}/lacak/${d.trackingCode}` }),
  ];
  await repo.queueMail(tx, [
    {
      recipient: d.to.trim(),
      subject: fillWords(mailWords.decisionSubject[id], { code: d.trackingCode }),
      body: lines.join('\n'),
    },
  ]);
}

/** Queues one plain e-mail in the caller's transaction (sent after it commits). */
export async function queueMail(tx: Db, mail: { recipient: string; subject: string; body: string }) {
  await repo.queueMail(tx, [mail]);
}
