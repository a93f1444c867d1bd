import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "123/500" under a text field, read out as "123 von 500 Zeichen". */
export function TextCounter({ length, max }: { length: number; max: number }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">{`${length}/${max}`}</span>
      <VisuallyHidden>{t('ratings.form.counter', { length, max })}</VisuallyHidden>
    </>
  );
}
