import { Stack } from '@mantine/core';
import { ConsentsSection } from './consents-section.tsx';
import { ErasureSection } from './erasure-section.tsx';
import { ExportsSection } from './exports-section.tsx';
import { RestrictionSection } from './restriction-section.tsx';

/** `/konto/meine-daten`: consents, export, restriction and erasure (SPEC §4.7). */
export function MyDataTab() {
  return (
    <Stack gap="lg">
      <ConsentsSection />
      <ExportsSection />
      <RestrictionSection />
      <ErasureSection />
    </Stack>
  );
}
