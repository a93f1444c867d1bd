import type { Scenario } from '../lib/scenario.ts';
import { authMe } from './auth-me.ts';
import { categories } from './categories.ts';
import { categoriesEtag } from './categories-etag.ts';
import { chat } from './chat.ts';
import { healthLive } from './health-live.ts';
import { login } from './login.ts';
import { nanoDetail } from './nano-detail.ts';
import { ratingPut } from './rating-put.ts';
import { ratingsList } from './ratings-list.ts';
import {
  search,
  searchSuggest,
  searchSuggestUncached,
  searchSuggestUncachedPaced,
  searchUncached,
  searchUncachedPaced,
} from './search.ts';
import { upload100mb } from './upload-100mb.ts';
import { zip2000Entries } from './zip-2000-entries.ts';

/**
 * Every scenario, in the order `--scenario all` runs them. A new scenario is one file in this folder
 * (built with `httpScenario` or `customScenario` from ../lib/scenario.ts) and one line here.
 */
export const scenarios: readonly Scenario[] = [
  healthLive,
  categories,
  categoriesEtag,
  login,
  authMe,
  nanoDetail,
  search,
  searchUncached,
  searchUncachedPaced,
  searchSuggest,
  searchSuggestUncached,
  searchSuggestUncachedPaced,
  upload100mb,
  zip2000Entries,
  ratingPut,
  ratingsList,
  chat,
];
