import { fillWords, mailWords, waitingWords } from '@sinergi/contracts';
import type { WaitingKind } from '@sinergi/core';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

export type Lang = 'id' | 'en';
const pick = (pair: readonly [string, string], lang: Lang) => pair[lang === 'en' ? 1 : 0];

/** One line of what waits, in the account's language ("3 isian IDM menunggu verifikasi"). */
export function waitingText(kind: WaitingKind, count: number, lang: Lang): string {
  return fillWords(pick(waitingWords[kind], lang), {
    count: count.toLocaleString(lang === 'en' ? 'en' : 'id-ID'),
  });
}

interface Line {
  kind: WaitingKind;
  count: number;
  link: string;
}

/**
 * The e-mail of one notification, or of a day's (digest). It says what waits and where, never an
 * item's title or anyone's name but the recipient's: the page behind the link shows the rest to
 * those allowed to see it.
 */
export function notificationMail(
  to: { email: string; name: string; lang: Lang },
  lines: readonly Line[],
  publicUrl: string,
): { recipient: string; subject: string; body: string } {
  const lang = to.lang;
  const text = (l: Line) => waitingText(l.kind, l.count, lang);
  const subject =
    lines.length === 1
      ? fillWords(pick(mailWords.subjectOne, lang), { text: text(lines[0]!) })
      : fillWords(pick(mailWords.subjectDigest, lang), { count: lines.length });
  const body = [
    fillWords(pick(mailWords.greeting, lang), { name: to.name }),
    '',
    ...lines.flatMap((l) => [
      `- ${text(l)}`,
      `  ${fillWords(pick(mailWords.open, lang), { url: `${publicUrl}${l.link}` })}`,
    ]),
    '',
    pick(mailWords.settings, lang),
  ].join('\n');
  return { recipient: to.email, subject, body };
}

export interface MailSender {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** An SMTP sender from the settings, or null when e-mail is off (SMTP_URL unset). */
export function smtpSender(config: Config): MailSender | null {
  if (!config.mail) return null;
  const from = config.mail.from;
  const transport = nodemailer.createTransport(config.mail.smtpUrl);
  return {
    send: async (m) => {
      await transport.sendMail({ from, ...m });
    },
    close: () => transport.close(),
  };
}
