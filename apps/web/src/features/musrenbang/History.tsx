import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import i18n, { vocab } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session.ts';

export interface HistoryEvent {
  id: number;
  at: string;
  kind: string;
  actor: string;
  fromStage: string | null;
  toStage: string | null;
  fromYear: number | null;
  toYear: number | null;
  reason: string | null;
  note: string | null;
  related: string | null;
}

/** A proposal's path as a timeline: who decided what, when, and why. Shared by staff and public pages. */
export function History({ events }: { events: readonly HistoryEvent[] }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const describe = (e: HistoryEvent) => {
    const stage = (s: string | null) => (s ? vocab('musrenbang.stages', s) : '');
    switch (e.kind) {
      case 'dibuat':
        return t('musrenbang.events.dibuat', { stage: stage(e.toStage) });
      case 'dikembalikan':
        return t('musrenbang.events.dikembalikan', { stage: stage(e.toStage) });
      case 'teruskan':
        return e.fromStage === e.toStage
          ? t('musrenbang.events.selesai')
          : t('musrenbang.events.teruskan', { stage: stage(e.toStage) });
      case 'tunda':
      case 'digulirkan':
        return t(`musrenbang.events.${e.kind}`, { year: e.toYear });
      case 'tolak':
        return t('musrenbang.events.tolak', { reason: vocab('musrenbang.reasons', e.reason) });
      case 'gabung':
      case 'menerima_gabungan':
        return t(`musrenbang.events.${e.kind}`, { code: e.related });
      default:
        return e.kind;
    }
  };
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="history">
      {events.map((e) => (
        <Timeline.Item key={e.id} title={describe(e)}>
          <Text size="xs" c="dimmed">
            {e.actor} · {formatDateTime(e.at, lang)}
          </Text>
          {e.note && <Text size="sm">{noteText(e.note)}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** A note the server wrote itself reads in the interface's language; a person's note as written. */
function noteText(note: string): string {
  const duplicate = /^possible duplicate of (.+)$/.exec(note);
  return duplicate ? i18n.t('musrenbang.duplicateOf', { codes: duplicate[1] }) : note;
}
