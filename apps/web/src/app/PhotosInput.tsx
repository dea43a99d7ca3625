import { FileInput } from '@mantine/core';
import { PHOTO_LIMIT_BYTES } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Kinds of photo the server takes (JPEG, PNG, WebP; http/images.ts). */
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

/**
 * The one field for a few photos (of a place, a site, a report): at most `max`, the rest ignored.
 * A photo over the server's limit is left out at once, saying so under the field, rather than found
 * refused later (after a write kept offline has gone).
 */
export function PhotosInput({
  label,
  description,
  max,
  value,
  onChange,
  testId,
}: {
  label: string;
  description?: string;
  max: number;
  value: File[];
  onChange: (files: File[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [tooLarge, setTooLarge] = useState(0);
  return (
    <FileInput
      label={label}
      description={description}
      multiple
      clearable
      accept={PHOTO_TYPES}
      value={value}
      onChange={(v) => {
        const fitting = v.filter((f) => f.size <= PHOTO_LIMIT_BYTES);
        setTooLarge(v.length - fitting.length);
        onChange(fitting.slice(0, max));
      }}
      error={tooLarge > 0 ? t('common.photoTooLarge', { count: tooLarge }) : undefined}
      data-testid={testId}
    />
  );
}
