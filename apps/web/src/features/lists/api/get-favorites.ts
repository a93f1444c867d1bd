import {
  FAVORITE_SORTS,
  type FavoriteItem,
  favoritePageSchema,
  NANO_FORMATS,
  NANO_LANGUAGES,
} from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { favoritePagesQueryKey } from '../../../shared/nanos/api/favorites.ts';

export type FavoriteSort = (typeof FAVORITE_SORTS)[number];
export type FavoritePage = z.infer<typeof favoritePageSchema>;
export type { FavoriteItem };

/** Favourites per page (the API's default page size). */
export const FAVORITES_PAGE_SIZE = 20;

/** What "Meine Favoriten" shows: sort, filters, page; the query string of the page and of the API. */
export interface FavoritesQuery {
  sort: FavoriteSort;
  q: string;
  level: 1 | 2 | 3 | undefined;
  language: string | undefined;
  format: string | undefined;
  page: number;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** Reads the page's query string; unknown values fall back to the defaults. */
export function favoritesQueryFromParams(params: URLSearchParams): FavoritesQuery {
  const level = Number(params.get('level'));
  const page = Number(params.get('page'));
  return {
    sort: oneOf(FAVORITE_SORTS, params.get('sort')) ?? 'added',
    q: params.get('q')?.trim() ?? '',
    level: level === 1 || level === 2 || level === 3 ? level : undefined,
    language: oneOf(NANO_LANGUAGES, params.get('language')),
    format: oneOf(NANO_FORMATS, params.get('format')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The query string for a state: defaults left out, so `/favoriten` is the plain page. */
export function favoritesQueryToParams(query: FavoritesQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.sort !== 'added') {
    params.set('sort', query.sort);
  }
  if (query.q) {
    params.set('q', query.q);
  }
  if (query.level !== undefined) {
    params.set('level', String(query.level));
  }
  if (query.language) {
    params.set('language', query.language);
  }
  if (query.format) {
    params.set('format', query.format);
  }
  if (query.page > 1) {
    params.set('page', String(query.page));
  }
  return params;
}

/** `GET /api/v1/me/favorites?sort=&q=&level=&language=&format=&page=`: a page of favourites that are published now. */
export function getFavorites(query: FavoritesQuery, signal?: AbortSignal): Promise<FavoritePage> {
  const params = favoritesQueryToParams(query);
  const search = params.size > 0 ? `?${params}` : '';
  return apiFetch(`/api/v1/me/favorites${search}`, favoritePageSchema, { signal });
}

/** The page keeps showing the previous cards (dimmed) while the next filter's answer loads. */
export function useFavorites(query: FavoritesQuery) {
  return useQuery({
    ...queryOptions({
      queryKey: [...favoritePagesQueryKey, query],
      queryFn: ({ signal }) => getFavorites(query, signal),
    }),
    placeholderData: keepPreviousData,
  });
}
