import { List, MultiSelect, Stack, Text } from '@mantine/core';
import { MODERATION_LIMITS, REASON_CODES, REASON_TEMPLATES, type ReasonCode } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

interface ReasonPickerProps {
  value: ReasonCode[];
  onChange: (value: ReasonCode[]) => void;
  onBlur?: () => void;
  error?: string | undefined;
}

/**
 * The rules a decision cites (statement of reasons), from the maintained templates in the
 * interface language; the chosen rules' texts are shown as the user will read them.
 */
export function ReasonPicker({ value, onChange, onBlur, error }: ReasonPickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap={6}>
      <MultiSelect
        label={t('admin.sanction.reasons')}
        description={t('admin.sanction.reasonsHint', { max: MODERATION_LIMITS.reasonsMax })}
        data={REASON_CODES.map((code) => ({ value: code, label: REASON_TEMPLATES[code][locale].title }))}
        value={value}
        onChange={(next) => onChange(next as ReasonCode[])}
        onBlur={onBlur}
        maxValues={MODERATION_LIMITS.reasonsMax}
        hidePickedOptions
        clearable
        searchable
        required
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {value.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('admin.sanction.quoted')}
          </Text>
          <List size="sm" spacing={2}>
            {value.map((code) => (
              <List.Item key={code}>
                <Text span size="sm" fw={500}>
                  {REASON_TEMPLATES[code][locale].title}:
                </Text>{' '}
                {REASON_TEMPLATES[code][locale].rule}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
