import {
  Anchor,
  Badge,
  Group,
  List,
  Stack,
  Text,
  Title,
  type TitleOrder,
  VisuallyHidden,
} from '@mantine/core';
import type { Nano } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../api/get-categories.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { categoryNames, languageName } from './format.ts';
import { LICENSE_KEYS, licenseUrl } from './labels.ts';

/** Mantine's light badge text (blue.6 on its tint) has 3:1 contrast; blue.9 reaches WCAG AA. */
const READABLE_LIGHT_BADGE = { root: { '--badge-color': 'var(--mantine-color-blue-9)' } };

type Facts = Pick<
  Nano,
  'durationMinutes' | 'level' | 'language' | 'format' | 'license' | 'licenseTerms' | 'categoryIds' | 'tags'
>;

/** Duration, level, language and format as badges; what is not set yet is left out. */
export function NanoFactBadges({ nano }: { nano: Facts }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const facts = [
    nano.durationMinutes !== null && {
      key: 'duration',
      label: t('nano.facts.duration'),
      value: t('nano.minutes', { count: nano.durationMinutes }),
    },
    nano.level !== null && {
      key: 'level',
      label: t('nano.facts.level'),
      value: t(`nanoLevel.${nano.level}`),
    },
    nano.language !== null && {
      key: 'language',
      label: t('nano.facts.language'),
      value: languageName(nano.language, locale),
    },
    nano.format !== null && {
      key: 'format',
      label: t('nano.facts.format'),
      value: t(`nanoFormat.${nano.format}`),
    },
  ].filter((fact) => fact !== false);
  return (
    <Group
      gap="xs"
      component="ul"
      aria-label={t('nano.facts.label')}
      style={{ listStyle: 'none', padding: 0 }}
    >
      {facts.map((fact) => (
        <li key={fact.key}>
          <Badge variant="light" color="blue" size="lg" tt="none" vars={() => READABLE_LIGHT_BADGE}>
            <VisuallyHidden>{`${fact.label}: `}</VisuallyHidden>
            {fact.value}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

/** The licence with its short explanation and, for Creative Commons, a link to the licence text. */
export function NanoLicense({ nano, headingOrder }: { nano: Facts; headingOrder: TitleOrder }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  if (!nano.license) {
    return null;
  }
  const key = LICENSE_KEYS[nano.license];
  const url = licenseUrl(nano.license, locale);
  return (
    <Stack component="section" aria-labelledby={headingId} gap={4}>
      <Title order={headingOrder} id={headingId} size="h4">
        {t('nano.license')}
      </Title>
      <Text fw={600}>{t(`license.${key}.name`)}</Text>
      <Text size="sm">{t(`license.${key}.explanation`)}</Text>
      {nano.license === 'proprietary' && nano.licenseTerms && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {nano.licenseTerms}
        </Text>
      )}
      {url && (
        <Anchor href={url} target="_blank" rel="noopener noreferrer" size="sm">
          {t('nano.licenseLink')} <VisuallyHidden>({t('app.opensInNewTab')})</VisuallyHidden>
        </Anchor>
      )}
    </Stack>
  );
}

/** Categories (names from the topic tree) and tags. */
export function NanoTopics({ nano, headingOrder }: { nano: Facts; headingOrder: TitleOrder }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const categories = useCategories();
  const names = categoryNames(categories.data, locale);
  const headingId = useId();
  if (nano.categoryIds.length === 0 && nano.tags.length === 0) {
    return null;
  }
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={headingOrder} id={headingId} size="h4">
        {t('nano.topics')}
      </Title>
      {nano.categoryIds.length > 0 && (
        <List size="sm" aria-label={t('nano.categories')}>
          {nano.categoryIds.map((id) => (
            <List.Item key={id}>{names.get(id) ?? t('nano.unknownCategory')}</List.Item>
          ))}
        </List>
      )}
      {nano.tags.length > 0 && (
        <Group gap={6} component="ul" aria-label={t('nano.tags')} style={{ listStyle: 'none', padding: 0 }}>
          {nano.tags.map((tag) => (
            <li key={tag}>
              <Badge variant="outline" color="gray.8" tt="none">
                #{tag}
              </Badge>
            </li>
          ))}
        </Group>
      )}
    </Stack>
  );
}
