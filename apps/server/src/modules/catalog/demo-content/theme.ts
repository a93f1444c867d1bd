import type { DemoNano } from './demo-nano.ts';

/** Colours of one demo Nano's generated material: a dark accent and a light tint of it. */
export interface DemoTheme {
  accent: string;
  tint: string;
}

/** One colour pair per top-level topic, so a catalogue page of demo thumbnails looks varied but orderly. */
const THEMES: Record<string, DemoTheme> = {
  business: { accent: '#1864ab', tint: '#d0ebff' },
  kommunikation: { accent: '#c2255c', tint: '#ffdeeb' },
  it: { accent: '#5f3dc4', tint: '#e5dbff' },
  paedagogik: { accent: '#e8590c', tint: '#ffe8cc' },
  gesundheit: { accent: '#c92a2a', tint: '#ffe3e3' },
  sprachen: { accent: '#0b7285', tint: '#c5f6fa' },
  recht: { accent: '#364fc7', tint: '#dbe4ff' },
  technik: { accent: '#495057', tint: '#e9ecef' },
  nachhaltigkeit: { accent: '#2b8a3e', tint: '#d3f9d8' },
  persoenlichkeit: { accent: '#9c36b5', tint: '#f3d9fa' },
};
const FALLBACK: DemoTheme = { accent: '#1864ab', tint: '#d0ebff' };

/** The colours of a Nano, by the top-level topic of its first category. */
export function themeFor(nano: Pick<DemoNano, 'categories'>): DemoTheme {
  const topic = nano.categories[0]?.split('-')[0] ?? '';
  return THEMES[topic] ?? FALLBACK;
}

/** A `#rrggbb` colour as 0–1 channels (pdf-lib's `rgb`). */
export function hexToUnit(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [((value >> 16) & 0xff) / 255, ((value >> 8) & 0xff) / 255, (value & 0xff) / 255];
}
