import { Card, List, Text, Title } from '@mantine/core';
import type { CategoryTreeNode } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

/** A top-level category with its subtopics, named in the current language. */
export function CategoryCard({ category }: { category: CategoryTreeNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const children = category.children.toSorted((a, b) => a.position - b.position);
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h4">
        {category.name[locale]}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('home.subcategoryCount', { count: children.length })}
      </Text>
      <List spacing={4} size="sm">
        {children.map((child) => (
          <List.Item key={child.id}>{child.name[locale]}</List.Item>
        ))}
      </List>
    </Card>
  );
}
