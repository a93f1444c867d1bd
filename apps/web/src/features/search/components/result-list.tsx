import { SimpleGrid } from '@mantine/core';
import type { SearchHit } from '@nano/contracts';
import { SearchHitCard } from '../../../shared/nanos/search-hit-card.tsx';

const COLUMNS = { base: 1, xs: 2, lg: 3 };

interface ResultListProps {
  hits: SearchHit[];
  /** The id of the heading that names the list. */
  labelledBy: string;
  /** True while the next results load (the current ones stay, dimmed). */
  busy: boolean;
  /** Position 1 of this page in the whole result (for click logging). */
  firstPosition: number;
  onOpen: (hit: SearchHit, position: number) => void;
}

/** One page of hits as a list of cards. */
export function ResultList({ hits, labelledBy, busy, firstPosition, onOpen }: ResultListProps) {
  return (
    <SimpleGrid
      component="ul"
      cols={COLUMNS}
      spacing="md"
      aria-labelledby={labelledBy}
      aria-busy={busy}
      style={{ listStyle: 'none', padding: 0, margin: 0, opacity: busy ? 0.6 : 1 }}
    >
      {hits.map((hit, index) => (
        <li key={hit.id}>
          <SearchHitCard hit={hit} onOpen={() => onOpen(hit, firstPosition + index)} />
        </li>
      ))}
    </SimpleGrid>
  );
}
