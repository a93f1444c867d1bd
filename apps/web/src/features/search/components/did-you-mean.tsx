import { Anchor, Text } from '@mantine/core';
import type { SearchResult } from '@nano/contracts';
import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { type SearchState, searchStateToParams } from '../api/search-params.ts';

interface DidYouMeanProps {
  state: SearchState;
  result: Pick<SearchResult, 'didYouMean' | 'corrected'>;
}

/**
 * "Meinten Sie: Excel?" under few results; when the server already searched the correction
 * instead (nothing found for the typed text): "Ergebnisse für Excel. Stattdessen nach Exel suchen".
 */
export function DidYouMean({ state, result }: DidYouMeanProps) {
  const { didYouMean } = result;
  if (!didYouMean) {
    return null;
  }
  const hrefFor = (q: string, exact = false) =>
    paths.search.getHref(searchStateToParams({ ...state, q, page: 1, exact }));
  if (result.corrected) {
    return (
      <Text size="md">
        <Trans
          i18nKey="search.correctedTo"
          values={{ corrected: didYouMean, q: state.q }}
          components={{
            strong: <strong />,
            original: <Anchor component={Link} to={hrefFor(state.q, true)} />,
          }}
        />
      </Text>
    );
  }
  return (
    <Text size="md">
      <Trans
        i18nKey="search.didYouMean"
        values={{ suggestion: didYouMean }}
        components={{ correction: <Anchor component={Link} to={hrefFor(didYouMean)} fw={600} /> }}
      />
    </Text>
  );
}
