import type { Scenario } from '../lib/scenario.ts';
import { categories } from './categories.ts';
import { categoriesEtag } from './categories-etag.ts';
import { healthLive } from './health-live.ts';

/**
 * Every scenario, in the order `--scenario all` runs them. A new scenario is one file in this folder
 * (built with `httpScenario` or `customScenario` from ../lib/scenario.ts) and one line here.
 */
export const scenarios: readonly Scenario[] = [healthLive, categories, categoriesEtag];
