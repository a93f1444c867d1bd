import {
  PRIVACY_REQUEST_STATUSES,
  PRIVACY_REQUEST_TYPES,
  type PrivacyRequestStatus,
  type PrivacyRequestType,
} from '@nano/contracts';
import type { PrivacyRequestFilters } from '../api/get-privacy-requests.ts';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((item) => item === value) ?? null;
}

/** The console's filters from its address (`?status=open&typ=erasure&ueberfaellig=1&seite=2`). */
export function requestFiltersFromParams(params: URLSearchParams): PrivacyRequestFilters {
  const page = Number(params.get('seite'));
  return {
    status: oneOf<PrivacyRequestStatus>(PRIVACY_REQUEST_STATUSES, params.get('status')),
    type: oneOf<PrivacyRequestType>(PRIVACY_REQUEST_TYPES, params.get('typ')),
    overdue: params.get('ueberfaellig') === '1',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The address of the filters (page 1 is left out). */
export function requestFiltersToParams(filters: PrivacyRequestFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) {
    params.set('status', filters.status);
  }
  if (filters.type) {
    params.set('typ', filters.type);
  }
  if (filters.overdue) {
    params.set('ueberfaellig', '1');
  }
  if (filters.page > 1) {
    params.set('seite', String(filters.page));
  }
  return params;
}
