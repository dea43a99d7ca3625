import { FileInput } from '@mantine/core';

/** Kinds of photo the server takes (JPEG, PNG, WebP; http/images.ts). */
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

/** The one field for a few photos (of a place, a site, a report): at most `max`, the rest ignored. */
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
  return (
    <FileInput
      label={label}
      description={description}
      multiple
      clearable
      accept={PHOTO_TYPES}
      value={value}
      onChange={(v) => onChange(v.slice(0, max))}
      data-testid={testId}
    />
  );
}
