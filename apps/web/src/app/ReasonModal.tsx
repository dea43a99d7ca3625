import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api.ts';
import { Problem } from './Problem.tsx';

/**
 * A step that moves a decision back (a return, a reopening, a replacement) asks for its reason
 * before it is sent; the server refuses it without one, and the refusal shows here.
 */
export function ReasonModal({
  opened,
  title,
  description,
  action,
  label,
  onClose,
  onConfirm,
  testId,
}: {
  opened: boolean;
  title: string;
  description?: string;
  action: string;
  /** The field's name as the server's refusal names it ("Alasan" unless given). */
  label?: string;
  onClose: () => void;
  /** Sends the step; resolves with the error to show, or null when done. */
  onConfirm: (reason: string) => Promise<ApiError | null>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    const problem = await onConfirm(reason);
    setBusy(false);
    setError(problem);
    if (!problem) {
      setReason('');
      onClose();
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} data-testid={testId}>
      <Stack>
        {description && <Text size="sm">{description}</Text>}
        <Textarea
          label={label ?? t('reason.label')}
          description={t('reason.hint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          data-testid={testId && `${testId}-reason`}
        />
        <Problem error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('reason.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={send} data-testid={testId && `${testId}-confirm`}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
