import { Anchor, Card, List, Text, Title } from '@mantine/core';
import type { CategoryTreeNode } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { paths } from '../../../shared/routes.ts';

/** The search for one category (a top-level category includes its subtopics). */
function categoryHref(id: string): string {
  return paths.search.getHref(new URLSearchParams({ category: id }));
}

/** A top-level category with its subtopics, named in the current language; each links to its search. */
export function CategoryCard({ category }: { category: CategoryTreeNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const children = category.children.toSorted((a, b) => a.position - b.position);
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h4">
        <Anchor component={Link} to={categoryHref(category.id)} inherit>
          {category.name[locale]}
        </Anchor>
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('home.subcategoryCount', { count: children.length })}
      </Text>
      <List spacing={4} size="sm">
        {children.map((child) => (
          <List.Item key={child.id}>
            <Anchor component={Link} to={categoryHref(child.id)} inherit>
              {child.name[locale]}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
