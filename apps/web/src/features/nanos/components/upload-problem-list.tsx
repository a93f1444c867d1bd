import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UploadProblem } from '../../../shared/api/upload-with-progress.ts';

/** The problems of a refused ZIP, grouped by entry (the archive as a whole first). */
function groupByPath(problems: UploadProblem[]): Array<[path: string | null, messages: string[]]> {
  const groups = new Map<string | null, string[]>();
  for (const problem of problems) {
    groups.set(problem.path, [...(groups.get(problem.path) ?? []), problem.message]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)));
}

/** Why the server refused the ZIP, per file, in the server's localised words. */
export function UploadProblemList({ problems }: { problems: UploadProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) {
    return null;
  }
  return (
    <Stack gap={4}>
      <Text size="sm">{t('upload.problemsIntro', { count: problems.length })}</Text>
      <List size="sm" spacing={4} aria-label={t('upload.problemsLabel')}>
        {groupByPath(problems).map(([path, messages]) => (
          <List.Item key={path ?? '\u0000archive'}>
            <Text span fw={700} size="sm" style={{ wordBreak: 'break-all' }}>
              {path ?? t('upload.wholeArchive')}
            </Text>
            {': '}
            {messages.join(' ')}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
