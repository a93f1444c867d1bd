import { Checkbox, Fieldset, Radio, Stack } from '@mantine/core';
import { useId } from 'react';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';

/** Legends read as the filters' headings. */
export const FIELDSET_STYLES = { legend: { fontWeight: 600, marginBottom: 'var(--mantine-spacing-xs)' } };

/** A value of a filter with its count on the current result (unknown while the first results load). */
export interface FacetOption {
  value: string;
  label: string;
  count?: number;
}

/** "Grundlagen (12)"; without count while the counts are not known. */
export function useOptionLabel() {
  const locale = useLocale();
  return (option: FacetOption) =>
    option.count === undefined ? option.label : `${option.label} (${formatCount(option.count, locale)})`;
}

/** Options worth offering: those that would find something, and those already chosen. */
export function offered(options: FacetOption[], selected: readonly string[]): FacetOption[] {
  return options.filter(
    (option) => option.count === undefined || option.count > 0 || selected.includes(option.value),
  );
}

interface CheckboxFacetProps {
  legend: string;
  options: FacetOption[];
  selected: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
}

/** A filter with several values at once (OR within the filter), as a fieldset of checkboxes. */
export function CheckboxFacet({ legend, options, selected, onToggle }: CheckboxFacetProps) {
  const optionLabel = useOptionLabel();
  const shown = offered(options, selected);
  if (shown.length === 0) {
    return null;
  }
  return (
    <Fieldset legend={legend} variant="unstyled" styles={FIELDSET_STYLES}>
      <Stack gap={8}>
        {shown.map((option) => (
          <Checkbox
            key={option.value}
            label={optionLabel(option)}
            checked={selected.includes(option.value)}
            onChange={(event) => onToggle(option.value, event.currentTarget.checked)}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}

interface RadioFacetProps {
  legend: string;
  /** The first option is "any" (value ''). */
  options: FacetOption[];
  selected: string;
  onSelect: (value: string) => void;
}

/** A filter with one value at a time (a range), as a fieldset of radio buttons. */
export function RadioFacet({ legend, options, selected, onSelect }: RadioFacetProps) {
  const optionLabel = useOptionLabel();
  const name = useId();
  const shown = offered(options, [selected, '']);
  return (
    <Fieldset legend={legend} variant="unstyled" styles={FIELDSET_STYLES}>
      <Stack gap={8}>
        {shown.map((option) => (
          <Radio
            key={option.value}
            name={name}
            value={option.value}
            label={optionLabel(option)}
            checked={selected === option.value}
            onChange={() => onSelect(option.value)}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}
