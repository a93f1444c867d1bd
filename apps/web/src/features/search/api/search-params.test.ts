import { describe, expect, it } from 'vitest';
import { searchStateFromParams, searchStateToParams } from './search-params.ts';

const id = '01a219bc-5324-7088-ae22-eeb73bf5ec18';

describe('search state in the query string', () => {
  it('reads every filter and writes it back in the same canonical form', () => {
    const query = `q=excel&category=${id}&level=1&level=3&language=de&format=video&license=CC0-1.0&creator=eva&durationMin=6&durationMax=15&minRating=4.5&sort=rating&page=2`;
    const state = searchStateFromParams(new URLSearchParams(query));

    expect(state).toEqual({
      q: 'excel',
      category: [id],
      level: [1, 3],
      language: ['de'],
      format: ['video'],
      license: ['CC0-1.0'],
      creator: 'eva',
      durationMin: 6,
      durationMax: 15,
      minRating: 4.5,
      sort: 'rating',
      page: 2,
    });
    expect(searchStateToParams(state).toString()).toBe(query);
  });

  it('drops what the API would refuse instead of failing the page', () => {
    const state = searchStateFromParams(
      new URLSearchParams(
        'q=%20pivot%20&category=kein-uuid&level=4&level=2&level=2&language=xx&sort=beste&page=0&durationMin=30&durationMax=5&minRating=9',
      ),
    );

    expect(state).toEqual({
      q: 'pivot',
      category: [],
      level: [2],
      language: [],
      format: [],
      license: [],
      sort: 'relevance',
      page: 1,
    });
    expect(searchStateToParams(state).toString()).toBe('q=pivot&level=2');
  });
});
