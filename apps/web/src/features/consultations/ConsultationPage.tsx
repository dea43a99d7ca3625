import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { consultationAnswerBody, consultationCommentBody } from '@sinergi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { noNativeCheck } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useParams } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { type ConsultationDetail, useConsultation } from './api.ts';
import { stateColour } from './ConsultationsPage.tsx';

type Comment = ConsultationDetail['commentList'][number];

function CommentForm({ c, onDone }: { c: ConsultationDetail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [nodeId, setNodeId] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const send = useSubmit(
    () =>
      post(
        `/api/consultations/${c.id}/comments`,
        checked(consultationCommentBody, { ...(nodeId ? { nodeId } : {}), body: body.trim() }),
      ),
    async () => {
      setBody('');
      await onDone();
    },
  );
  return (
    <Card withBorder component="form" noValidate onSubmit={send.submit} data-testid="comment-form">
      <Stack gap="xs">
        <Select
          label={t('consultation.item')}
          data={[
            { value: '', label: t('consultation.wholePlan') },
            ...c.items.map((i) => ({
              value: i.id,
              label: `${'· '.repeat(i.depth)}${i.code ? `${i.code} ` : ''}${i.title}`,
            })),
          ]}
          value={nodeId ?? ''}
          onChange={(v) => setNodeId(v || null)}
          allowDeselect={false}
          searchable
          data-testid="comment-item"
        />
        <Textarea
          label={t('consultation.comment')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={3}
          error={send.error?.fieldMessage('body')}
          data-testid="comment-body"
        />
        <Problem error={send.error} />
        <Group>
          <Button type="submit" loading={send.busy} data-testid="comment-send">
            {t('consultation.send')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function AnswerForm({ comment, onDone }: { comment: Comment; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const send = useSubmit(
    () =>
      post(
        `/api/consultation-comments/${comment.id}/answer`,
        checked(consultationAnswerBody, { answer: answer.trim() }),
      ),
    onDone,
  );
  return (
    <Stack gap={4} component="form" {...noNativeCheck} onSubmit={send.submit}>
      <Textarea
        label={t('consultation.answer')}
        value={answer}
        onChange={(e) => setAnswer(e.currentTarget.value)}
        autosize
        minRows={2}
        error={send.error?.fieldMessage('answer')}
        data-testid="answer-body"
      />
      <Problem error={send.error} />
      <Group>
        <Button type="submit" size="xs" loading={send.busy} data-testid="answer-send">
          {t('consultation.answerSend')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One consultation: the plan's items, every comment with its answer, and each role's part. */
export default function ConsultationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { session } = useSession();
  const client = useQueryClient();
  const q = useConsultation(id);
  const reload = () => client.invalidateQueries({ queryKey: ['consultation', id] });
  const [stepError, setStepError] = useState<ApiError | null>(null);
  const act = async (path: 'open' | 'close') => {
    setStepError(null);
    try {
      await post(`/api/consultations/${id}/${path}`);
      await reload();
    } catch (e) {
      setStepError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''));
    }
  };
  if (!q.data) return <QueryState query={q} queryKey={['consultation', id]} />;
  const c = q.data;
  const titleOf = new Map(c.items.map((i) => [i.id, `${i.code ? `${i.code} ` : ''}${i.title}`]));
  return (
    <Stack maw={900}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{c.title}</Title>
        <Badge size="lg" color={stateColour[c.state]} data-testid="consultation-state">
          {vocab('consultation.states', c.state)}
        </Badge>
      </Group>
      <Text>
        {c.plan.name} ({c.plan.startYear}–{c.plan.endYear})
      </Text>
      <Text size="sm" c="dimmed">
        {t('consultation.window', { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })} ·{' '}
        {t('consultation.counts', { comments: c.comments, unanswered: c.unanswered })}
      </Text>
      {c.description && <Text size="sm">{c.description}</Text>}
      <Group gap="xs">
        {c.abilities.open && (
          <Button onClick={() => void act('open')} data-testid="consultation-open">
            {t('consultation.open')}
          </Button>
        )}
        {c.abilities.close && (
          <Button onClick={() => void act('close')} data-testid="consultation-close">
            {t('consultation.close')}
          </Button>
        )}
        <Anchor
          href={`/api/consultations/${c.id}/berita-acara.pdf`}
          size="sm"
          data-testid="consultation-record"
        >
          {t('consultation.record')}
        </Anchor>
      </Group>
      <Problem error={stepError} />
      {c.closeNeeds.length > 0 && (
        <Alert color="orange" title={t('consultation.closeNeeds')} data-testid="close-needs">
          <List size="sm">
            {c.closeNeeds.map((n) => (
              <List.Item key={n.issue}>{n.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {c.abilities.comment ? (
        <CommentForm c={c} onDone={reload} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="comment-closed">
          {c.state === 'dibuka' && !session?.user ? (
            <Anchor component={Link} to="/masuk">
              {t('consultation.signIn')}
            </Anchor>
          ) : (
            t('consultation.notOpen')
          )}
        </Text>
      )}
      <Title order={3} size="h4">
        {t('consultation.comments')}
      </Title>
      {c.commentList.map((x) => (
        <Paper withBorder p="sm" key={x.id} data-testid="consultation-comment">
          <Text size="xs" c="dimmed">
            {x.nodeId ? titleOf.get(x.nodeId) : t('consultation.wholePlan')} · {x.author} ·{' '}
            {formatDateTime(new Date(x.at))}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{x.body}</Text>
          {x.answer ? (
            <Paper bg="teal.0" p="xs" mt="xs" data-testid="comment-answer">
              <Text size="xs" c="dimmed">
                {t('consultation.answerBy', {
                  by: x.answeredBy ?? '',
                  at: x.answeredAt ? formatDateTime(new Date(x.answeredAt)) : '',
                })}
              </Text>
              <Text size="sm">{x.answer}</Text>
            </Paper>
          ) : c.abilities.answer ? (
            <AnswerForm comment={x} onDone={reload} />
          ) : (
            <Text size="xs" c="dimmed" mt={4}>
              {t('consultation.noAnswer')}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
