import { Button, List, MultiSelect, Stack, Text } from '@mantine/core';
import { MODERATION_LIMITS, REASON_CODES, REASON_TEMPLATES, type ReasonCode } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

interface ReasonPickerProps {
  value: ReasonCode[];
  onChange: (value: ReasonCode[]) => void;
  /** The validation message (e.g. "choose at least one reason"). */
  error?: string;
  /** Offers each chosen rule's text for the statement; called with the rule. */
  onInsertRule?: (rule: string) => void;
  disabled?: boolean;
}

function isReasonCode(value: string): value is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(value);
}

/**
 * The rules a decision cites (REASON_TEMPLATES, in the interface language): at most
 * `MODERATION_LIMITS.reasonsMax`; the chosen rules are quoted below, each with a button that
 * copies its text into the statement.
 */
export function ReasonPicker({ value, onChange, error, onInsertRule, disabled }: ReasonPickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Closed after each pick: left open, the list would cover the chosen rules and their buttons.
  const [opened, setOpened] = useState(false);
  return (
    <Stack gap="xs">
      <MultiSelect
        dropdownOpened={opened}
        onDropdownOpen={() => setOpened(true)}
        onDropdownClose={() => setOpened(false)}
        onOptionSubmit={() => setOpened(false)}
        label={t('moderation.reasonPicker.label')}
        description={t('moderation.reasonPicker.hint')}
        placeholder={value.length === 0 ? t('moderation.reasonPicker.placeholder') : undefined}
        data={REASON_CODES.map((code) => ({ value: code, label: REASON_TEMPLATES[code][locale].title }))}
        value={value}
        onChange={(next) => onChange(next.filter(isReasonCode))}
        maxValues={MODERATION_LIMITS.reasonsMax}
        error={error}
        disabled={disabled}
        searchable
        clearable
        hidePickedOptions
        comboboxProps={{ withinPortal: true }}
      />
      {value.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('moderation.reasonPicker.rulesTitle')}
          </Text>
          <List size="sm" spacing={6}>
            {value.map((code) => {
              const template = REASON_TEMPLATES[code][locale];
              return (
                <List.Item key={code}>
                  <Text span size="sm" fw={500}>
                    {template.title}:
                  </Text>{' '}
                  <Text span size="sm">
                    {template.rule}
                  </Text>
                  {onInsertRule && (
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      ml={4}
                      disabled={disabled}
                      onClick={() => onInsertRule(template.rule)}
                    >
                      {t('moderation.reasonPicker.insert', { title: template.title })}
                    </Button>
                  )}
                </List.Item>
              );
            })}
          </List>
        </Stack>
      )}
    </Stack>
  );
}

/** Appends a rule's text to a statement, on a new paragraph unless it is already there. */
export function withRule(statement: string, rule: string): string {
  if (statement.includes(rule)) {
    return statement;
  }
  const trimmed = statement.trimEnd();
  return trimmed ? `${trimmed}\n\n${rule}` : rule;
}
