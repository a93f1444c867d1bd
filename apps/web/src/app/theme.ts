import { type CSSVariablesResolver, createTheme, Drawer, Modal } from '@mantine/core';

/**
 * Mantine theme: system fonts only (no web fonts, nothing from a CDN) and colour shades
 * chosen so that text and filled controls meet the WCAG AA contrast of 4.5:1.
 */
const DIALOG_SCROLL_LOCK = { removeScrollBar: false } as const;

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 6, Mantine's default, gives white-on-blue buttons only 3.6:1; shade 8 gives 5:1.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  headings: { fontWeight: '700' },
  components: {
    // Dialogs lock page scrolling without react-remove-scroll-bar's injected `<style>`, which
    // carries no CSP nonce and would be blocked (and reported) under our `style-src`.
    Modal: Modal.extend({ defaultProps: { removeScrollProps: DIALOG_SCROLL_LOCK } }),
    Drawer: Drawer.extend({ defaultProps: { removeScrollProps: DIALOG_SCROLL_LOCK } }),
  },
});

/** Mantine's light "dimmed" grey (gray.6, 3.3:1 on white) is too faint for AA; gray.7 is 8:1. */
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolvedTheme.colors.gray[7] ?? '#495057',
    // Mantine's default error red (#fa5252) is 3.3:1 on white; field errors need 4.5:1.
    '--mantine-color-error': resolvedTheme.colors.red[9] ?? '#c92a2a',
  },
  dark: {},
});
