import { Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api.ts';

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

/** Who signs the berita acara: position, name and NIP (18 digits, for a civil servant). */
export function Signatories({
  value,
  onChange,
  disabled,
  error,
}: {
  value: readonly Signer[];
  onChange: (v: Signer[]) => void;
  disabled: boolean;
  error: ApiError | null;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Signer>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Stack gap={4} mt="xs" data-testid="signatories">
      <Text size="sm" fw={500}>
        {t('forum.signatories')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('forum.signatoriesHelp')}
      </Text>
      {value.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines are positions in a fixed list
        <Group key={i} gap="xs" grow wrap="wrap">
          <TextInput
            aria-label={`${t('forum.signerPosition')} ${i + 1}`}
            placeholder={t('forum.signerPosition')}
            value={s.jabatan}
            disabled={disabled}
            onChange={(e) => set(i, { jabatan: e.currentTarget.value })}
            error={error?.fieldMessage(`penandatangan.${i}.jabatan`)}
            miw={160}
          />
          <TextInput
            aria-label={`${t('forum.signerName')} ${i + 1}`}
            placeholder={t('forum.signerName')}
            value={s.nama}
            disabled={disabled}
            onChange={(e) => set(i, { nama: e.currentTarget.value })}
            error={error?.fieldMessage(`penandatangan.${i}.nama`)}
            miw={160}
          />
          <TextInput
            aria-label={`NIP ${i + 1}`}
            placeholder="NIP"
            inputMode="numeric"
            value={s.nip}
            disabled={disabled}
            onChange={(e) => set(i, { nip: e.currentTarget.value })}
            error={error?.fieldMessage(`penandatangan.${i}.nip`)}
            miw={160}
          />
        </Group>
      ))}
    </Stack>
  );
}
