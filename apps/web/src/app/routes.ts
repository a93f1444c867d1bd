/** Every route path of the web app, in one place. Link with `paths.<name>.getHref()`. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
} as const;
