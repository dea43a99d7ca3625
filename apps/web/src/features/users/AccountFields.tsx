import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api.ts';

export interface AccountForm {
  username: string;
  displayName: string;
  password: string;
}

/**
 * The fields of a new account: username, full name and initial password, each with the server's
 * problem under it. The users page and the installation's first administrator both use them.
 */
export function AccountFields({
  form,
  set,
  error,
  passwordError,
}: {
  form: AccountForm;
  set: (key: keyof AccountForm) => (value: string) => void;
  error: ApiError | null;
  /** A problem to show under the password when the server names no field of these (a refusal). */
  passwordError?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('users.username')}
        value={form.username}
        onChange={(e) => set('username')(e.currentTarget.value)}
        error={error?.fieldMessage('username')}
        required
      />
      <TextInput
        label={t('users.displayName')}
        value={form.displayName}
        onChange={(e) => set('displayName')(e.currentTarget.value)}
        error={error?.fieldMessage('displayName')}
        required
      />
      <PasswordInput
        label={t('users.password')}
        value={form.password}
        onChange={(e) => set('password')(e.currentTarget.value)}
        error={error?.fieldMessage('password') ?? passwordError}
        required
      />
    </>
  );
}
