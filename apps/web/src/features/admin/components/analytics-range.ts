import { ADMIN_LIMITS } from '@nano/contracts';
import type { DayRange } from '../api/get-platform-analytics.ts';
import { daySpan, isDay, shiftDay, utcToday } from './admin-format.ts';

/** The ready-made periods (days ending today) and the own one, as `?zeitraum=` names them. */
export const RANGE_PRESETS = ['7', '30', '90'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const CUSTOM_RANGE = 'eigener';
export type RangeChoice = RangePreset | typeof CUSTOM_RANGE;

const DEFAULT_PRESET = String(ADMIN_LIMITS.analyticsDefaultDays) as RangePreset;
const PARAMS = { preset: 'zeitraum', from: 'von', to: 'bis' } as const;

function isPreset(value: string | null): value is RangePreset {
  return (RANGE_PRESETS as readonly string[]).includes(value ?? '');
}

/** The last `days` UTC days, today included. */
export function presetRange(preset: RangePreset, now = new Date()): DayRange {
  const to = utcToday(now);
  return { from: shiftDay(to, Number(preset) - 1), to };
}

/** Why an own range cannot be asked for, or null when it can. */
export function rangeProblem(range: DayRange): 'incomplete' | 'order' | 'tooLong' | null {
  if (!isDay(range.from) || !isDay(range.to)) {
    return 'incomplete';
  }
  if (range.from > range.to) {
    return 'order';
  }
  return daySpan(range.from, range.to) > ADMIN_LIMITS.analyticsMaxDays ? 'tooLong' : null;
}

/** The dashboard's period from the address: `?von=&bis=` (own), `?zeitraum=7|30|90`, else the last 30 days. */
export function rangeFromParams(
  params: URLSearchParams,
  now = new Date(),
): { choice: RangeChoice; range: DayRange } {
  const own = { from: params.get(PARAMS.from) ?? '', to: params.get(PARAMS.to) ?? '' };
  if (rangeProblem(own) === null) {
    return { choice: CUSTOM_RANGE, range: own };
  }
  const preset = params.get(PARAMS.preset);
  const choice = isPreset(preset) ? preset : DEFAULT_PRESET;
  return { choice, range: presetRange(choice, now) };
}

/** The query string of a preset (the default left out) or an own range. */
export function rangeToParams(choice: RangeChoice, range: DayRange): URLSearchParams {
  if (choice === CUSTOM_RANGE) {
    return new URLSearchParams({ [PARAMS.from]: range.from, [PARAMS.to]: range.to });
  }
  return choice === DEFAULT_PRESET ? new URLSearchParams() : new URLSearchParams({ [PARAMS.preset]: choice });
}
