import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Problem } from './Problem.tsx';
import { useSubmit } from './use-submit.ts';

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
  /** Sends the step; a refusal it throws is shown in the dialog. */
  onConfirm: (reason: string) => Promise<unknown>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const send = useSubmit(
    () => onConfirm(reason),
    () => {
      setReason('');
      onClose();
    },
  );
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
        <Problem error={send.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('reason.cancel')}
          </Button>
          <Button
            color="red"
            loading={send.busy}
            onClick={() => send.submit()}
            data-testid={testId && `${testId}-confirm`}
          >
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
