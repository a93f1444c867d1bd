import type { DemoNano } from './demo-nano.ts';
import { DEMO_NANOS_DE_BERUF } from './nanos-de-beruf.ts';
import { DEMO_NANOS_DE_PRAXIS } from './nanos-de-praxis.ts';
import { DEMO_NANOS_EN } from './nanos-en.ts';

/** Every demo Nano the catalog seeder creates, in seeding order. */
export const DEMO_NANOS: readonly DemoNano[] = [
  ...DEMO_NANOS_DE_BERUF,
  ...DEMO_NANOS_DE_PRAXIS,
  ...DEMO_NANOS_EN,
];

/** The accounts (usernames) that own demo Nanos; their Nanos existing means the catalog is seeded. */
export const DEMO_NANO_CREATORS: readonly string[] = [...new Set(DEMO_NANOS.map((nano) => nano.creator))];
