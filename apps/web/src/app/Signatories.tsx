import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api.ts';

export interface Signer {
  jabatan: string;
  nama: string;
  nip: string;
}

/** Three lines by default: the berita acara is signed by the head, the BPD or delegate, and a witness. */
export const emptySigners = (): Signer[] => [0, 1, 2].map(() => ({ jabatan: '', nama: '', nip: '' }));

/** The lines a person filled in (an empty line is left out). */
export const filledSigners = (list: readonly Signer[]) =>
  list.filter((s) => s.jabatan.trim() || s.nama.trim()).map((s) => ({ ...s, nip: s.nip.replace(/\s/g, '') }));

/**
 * Who signs a document: position, name and NIP (18 digits, for a civil servant), a line each. A
 * forum's berita acara names its own (`penandatangan`); the office's settings name its officials
 * (`pejabat`), who sign the kabupaten's documents.
 */
export function Signatories({
  value,
  onChange,
  disabled,
  error,
  field = 'penandatangan',
  title,
  help,
  testId = 'signatories',
}: {
  value: readonly Signer[];
  onChange: (v: Signer[]) => void;
  disabled: boolean;
  error: ApiError | null;
  /** The field the server names a line's error by ("penandatangan.1.nip"). */
  field?: string;
  /** The heading and hint; a forum's berita acara signatories by default. */
  title?: string;
  help?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Signer>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Stack gap={4} mt="xs" data-testid={testId}>
      <Text size="sm" fw={500}>
        {title ?? t('common.signatories')}
      </Text>
      <Text size="xs" c="dimmed">
        {help ?? t('common.signatoriesHelp')}
      </Text>
      {value.map((s, i) => (
        // One signer a row on a desktop; on a phone each field is full width, a gap between signers.
        <SimpleGrid
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines are positions in a fixed list
          key={i}
          cols={{ base: 1, sm: 3 }}
          spacing="xs"
          verticalSpacing={4}
          mb={{ base: 'sm', sm: 0 }}
        >
          <TextInput
            aria-label={`${t('common.signerPosition')} ${i + 1}`}
            placeholder={t('common.signerPosition')}
            value={s.jabatan}
            disabled={disabled}
            onChange={(e) => set(i, { jabatan: e.currentTarget.value })}
            error={error?.fieldMessage(`${field}.${i}.jabatan`)}
          />
          <TextInput
            aria-label={`${t('common.signerName')} ${i + 1}`}
            placeholder={t('common.signerName')}
            value={s.nama}
            disabled={disabled}
            onChange={(e) => set(i, { nama: e.currentTarget.value })}
            error={error?.fieldMessage(`${field}.${i}.nama`)}
          />
          <TextInput
            aria-label={`NIP ${i + 1}`}
            placeholder="NIP"
            inputMode="numeric"
            value={s.nip}
            disabled={disabled}
            onChange={(e) => set(i, { nip: e.currentTarget.value })}
            error={error?.fieldMessage(`${field}.${i}.nip`)}
          />
        </SimpleGrid>
      ))}
    </Stack>
  );
}
