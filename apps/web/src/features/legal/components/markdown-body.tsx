import { Anchor, List, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { type ComponentProps, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown, { type Components } from 'react-markdown';
import { Link } from 'react-router';
import remarkGfm from 'remark-gfm';

/** A link in a document: paths on this site stay in the app, everything else opens in a new tab without referrer. */
function DocumentLink({ href = '', children }: ComponentProps<'a'>) {
  const { t } = useTranslation();
  if (href.startsWith('/') && !href.startsWith('//')) {
    return (
      <Anchor component={Link} to={href} inherit>
        {children}
      </Anchor>
    );
  }
  if (href.startsWith('#') || href.startsWith('mailto:') || href.startsWith('tel:')) {
    return (
      <Anchor href={href} inherit>
        {children}
      </Anchor>
    );
  }
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow" inherit>
      {children}
      <VisuallyHidden> ({t('app.opensInNewTab')})</VisuallyHidden>
    </Anchor>
  );
}

type HeadingOrder = 2 | 3 | 4 | 5 | 6;

/** The smallest heading level the text uses (`##` → 2), so that it can start right under the page's h1. */
export function topHeadingDepth(markdown: string): number {
  const depths = [...markdown.matchAll(/^(#{1,6})\s/gm)].map((match) => match[1]?.length ?? 6);
  return depths.length > 0 ? Math.min(...depths) : 1;
}

/**
 * The page's own title is the only h1, so the document's headings are shifted to start at h2
 * (without skipping a level). Tables scroll sideways on narrow screens instead of widening the page.
 */
function componentsFor(topDepth: number): Components {
  const heading =
    (depth: number): Components['h1'] =>
    ({ children }) => {
      const order = Math.min(6, Math.max(2, depth - topDepth + 2)) as HeadingOrder;
      return (
        <Title order={order} mt="md">
          {children}
        </Title>
      );
    };
  return {
    h1: heading(1),
    h2: heading(2),
    h3: heading(3),
    h4: heading(4),
    h5: heading(5),
    h6: heading(6),
    p: ({ children }) => <Text>{children}</Text>,
    strong: ({ children }) => <strong>{children}</strong>,
    ul: ({ children }) => <List>{children}</List>,
    ol: ({ children }) => <List type="ordered">{children}</List>,
    li: ({ children }) => <List.Item>{children}</List.Item>,
    a: DocumentLink,
    table: ({ children }) => (
      // A table wider than the column scrolls; the keyboard reaches it too (focusable viewport).
      <Table.ScrollContainer minWidth={480} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
        <Table withTableBorder withColumnBorders>
          {children}
        </Table>
      </Table.ScrollContainer>
    ),
    thead: ({ children }) => <Table.Thead>{children}</Table.Thead>,
    tbody: ({ children }) => <Table.Tbody>{children}</Table.Tbody>,
    tr: ({ children }) => <Table.Tr>{children}</Table.Tr>,
    th: ({ children }) => <Table.Th scope="col">{children}</Table.Th>,
    td: ({ children }) => <Table.Td>{children}</Table.Td>,
    img: () => null,
  };
}

/**
 * A legal document's Markdown subset (headings, paragraphs, lists, bold, links, tables) as
 * React elements. Raw HTML in the text is dropped, images are not shown (no third-party
 * requests), and react-markdown's URL filter removes `javascript:` and similar links.
 */
export function MarkdownBody({ markdown }: { markdown: string }) {
  const topDepth = topHeadingDepth(markdown);
  const components = useMemo(() => componentsFor(topDepth), [topDepth]);
  return (
    <Stack gap="sm">
      <Markdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {markdown}
      </Markdown>
    </Stack>
  );
}
