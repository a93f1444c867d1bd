import { Box, List, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkPasswordRequirements, type PasswordScore, scorePassword } from '../forms/password-strength.ts';

const SCORE_COLORS: Record<PasswordScore, string> = {
  0: 'red.8',
  1: 'orange.8',
  2: 'yellow.7',
  3: 'teal.7',
  4: 'green.8',
};
const SCORE_LABELS = {
  0: 'password.strength.veryWeak',
  1: 'password.strength.weak',
  2: 'password.strength.fair',
  3: 'password.strength.good',
  4: 'password.strength.strong',
} as const satisfies Record<PasswordScore, string>;
const REQUIREMENT_LABELS = {
  minLength: 'password.requirements.minLength',
  upper: 'password.requirements.upper',
  digit: 'password.requirements.digit',
  special: 'password.requirements.special',
} as const;

/**
 * Live feedback under a new-password field: a labelled strength bar (a rough client-side
 * estimate) and the schema's rules ticked off as they are met.
 */
export function PasswordStrengthMeter({ password }: { password: string }) {
  const { t } = useTranslation();
  const score = scorePassword(password);
  const requirements = checkPasswordRequirements(password);
  return (
    <Stack gap={6}>
      {password.length > 0 && (
        <Box>
          <Progress
            value={(score + 1) * 20}
            color={SCORE_COLORS[score]}
            size="sm"
            aria-hidden="true"
            transitionDuration={150}
          />
          <Text size="sm" mt={4} aria-live="polite">
            {t('password.strength.label', { strength: t(SCORE_LABELS[score]) })}
          </Text>
        </Box>
      )}
      <List size="sm" spacing={2} listStyleType="none" aria-label={t('password.requirements.title')}>
        {(Object.keys(REQUIREMENT_LABELS) as Array<keyof typeof REQUIREMENT_LABELS>).map((rule) => (
          <List.Item key={rule}>
            <Text component="span" aria-hidden="true" c={requirements[rule] ? 'teal.9' : 'dimmed'} fw={700}>
              {requirements[rule] ? '✓ ' : '○ '}
            </Text>
            {t(REQUIREMENT_LABELS[rule])}
            <VisuallyHidden>
              {` (${requirements[rule] ? t('password.requirements.met') : t('password.requirements.notMet')})`}
            </VisuallyHidden>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {t('password.serverCheck')}
      </Text>
    </Stack>
  );
}
