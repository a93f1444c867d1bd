/**
 * Every route path of the web app, in one place. Link with `paths.<name>.getHref()`.
 * Lives in `shared/` (like bulletproof-react's `config/paths.ts`) so that features can link
 * to each other's pages without importing across features or from `app/`.
 */

/** The tabs of the account page; the first is shown at `/konto` itself. */
export const ACCOUNT_TABS = [
  'profil',
  'sicherheit',
  'sitzungen',
  'benachrichtigungen',
  'meine-daten',
] as const;
export type AccountTab = (typeof ACCOUNT_TABS)[number];

/** The steps of the upload wizard and the edit page, as `?schritt=` names them. */
export const EDITOR_STEPS = ['metadaten', 'datei', 'vorschaubild', 'pruefen'] as const;
export type EditorStep = (typeof EDITOR_STEPS)[number];

/** `?next=` for the login page: where to go after signing in. */
function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?${new URLSearchParams({ next })}` : path;
}

export const paths = {
  home: { path: '/', getHref: () => '/' },
  register: { path: '/registrieren', getHref: () => '/registrieren' },
  verifyEmail: { path: '/email-bestaetigen', getHref: () => '/email-bestaetigen' },
  login: { path: '/anmelden', getHref: (next?: string) => withNext('/anmelden', next) },
  forgotPassword: { path: '/passwort-vergessen', getHref: () => '/passwort-vergessen' },
  resetPassword: { path: '/passwort-zuruecksetzen', getHref: () => '/passwort-zuruecksetzen' },
  account: {
    path: '/konto/:tab?',
    getHref: (tab: AccountTab = 'profil') => (tab === 'profil' ? '/konto' : `/konto/${tab}`),
  },
  /** Forced before anything else while `currentUser.mustChangePassword` is set. */
  requiredPasswordChange: { path: '/passwort-aendern', getHref: () => '/passwort-aendern' },
  /** Forced before anything else while `currentUser.mustEnrollTwoFactor` is set. */
  requiredTwoFactor: { path: '/zwei-faktor-einrichten', getHref: () => '/zwei-faktor-einrichten' },
  publicProfile: {
    path: '/nutzer/:username',
    getHref: (username: string) => `/nutzer/${encodeURIComponent(username)}`,
  },
  becomeCreator: { path: '/creator-werden', getHref: () => '/creator-werden' },
  /** The creator's own Nanos in every status; `?seite=` pages through them. */
  myNanos: {
    path: '/meine-nanos',
    getHref: (page = 1) => (page > 1 ? `/meine-nanos?seite=${page}` : '/meine-nanos'),
  },
  /** The upload wizard's first step; once the draft exists, the wizard goes on at `editNano`. */
  newNano: { path: '/nanos/neu', getHref: () => '/nanos/neu' },
  /** Wizard steps and editing of an existing Nano; `step` picks the step (metadata first). */
  editNano: {
    path: '/nanos/:id/bearbeiten',
    getHref: (id: string, step?: EditorStep) =>
      step && step !== 'metadaten'
        ? `/nanos/${encodeURIComponent(id)}/bearbeiten?schritt=${step}`
        : `/nanos/${encodeURIComponent(id)}/bearbeiten`,
  },
  nanoVersions: {
    path: '/nanos/:id/versionen',
    getHref: (id: string) => `/nanos/${encodeURIComponent(id)}/versionen`,
  },
  nanoDetail: { path: '/nanos/:id', getHref: (id: string) => `/nanos/${encodeURIComponent(id)}` },
  /** The review queue of moderators and admins. */
  moderationQueue: { path: '/moderation', getHref: () => '/moderation' },
  moderationReview: {
    path: '/moderation/nanos/:id',
    getHref: (id: string) => `/moderation/nanos/${encodeURIComponent(id)}`,
  },
  /** Full-text search; the whole filter state is the query string (`?q=&level=1&level=2`), see `features/search`. */
  search: {
    path: '/suche',
    getHref: (query?: URLSearchParams) => (query && query.size > 0 ? `/suche?${query}` : '/suche'),
  },
  savedSearches: { path: '/gespeicherte-suchen', getHref: () => '/gespeicherte-suchen' },
  /** Linked from saved-search alert e-mails with `?token=`; works without signing in. */
  unsubscribeSavedSearches: {
    path: '/gespeicherte-suchen/abbestellen',
    getHref: () => '/gespeicherte-suchen/abbestellen',
  },
  /** Admins: top queries, zero-result queries and click-through. */
  searchAnalytics: { path: '/admin/suchanalyse', getHref: () => '/admin/suchanalyse' },
  /** Admins: the Nanos picked for the home page's "Empfohlen" block. */
  featuredNanos: { path: '/admin/empfohlen', getHref: () => '/admin/empfohlen' },
  /** The caller's own ratings and comments. */
  myRatings: { path: '/meine-bewertungen', getHref: () => '/meine-bewertungen' },
  /** Creators: every rating and comment on their Nanos in one place, to reply. */
  receivedRatings: { path: '/meine-nanos/bewertungen', getHref: () => '/meine-nanos/bewertungen' },
  /** Creators: views, downloads, favourites and ratings of their Nanos over time. */
  creatorAnalytics: { path: '/meine-nanos/statistik', getHref: () => '/meine-nanos/statistik' },
  favorites: { path: '/favoriten', getHref: () => '/favoriten' },
  lists: { path: '/listen', getHref: () => '/listen' },
  listDetail: { path: '/listen/:id', getHref: (id: string) => `/listen/${encodeURIComponent(id)}` },
  /** The public, read-only page of a shared list (no sign-in). */
  sharedList: {
    path: '/geteilt/:token',
    getHref: (token: string) => `/geteilt/${encodeURIComponent(token)}`,
  },
  /** The notification centre; its settings are the account tab `benachrichtigungen`. */
  notifications: { path: '/benachrichtigungen', getHref: () => '/benachrichtigungen' },
  /** The legal pages (current version; `?version=` an older one), linked in the footer. */
  terms: { path: '/nutzungsbedingungen', getHref: () => '/nutzungsbedingungen' },
  privacy: { path: '/datenschutz', getHref: () => '/datenschutz' },
  imprint: { path: '/impressum', getHref: () => '/impressum' },
  /** Forced before anything else while `currentUser.pendingLegal` is not empty. */
  legalAcceptance: { path: '/zustimmung', getHref: () => '/zustimmung' },
  /** Linked from the erasure confirmation email with `?token=`; works without signing in. */
  erasureCancel: { path: '/loeschung-abbrechen', getHref: () => '/loeschung-abbrechen' },
  /** After requesting erasure or restriction on "Meine Daten": signed out, what happens now. */
  accountClosed: { path: '/konto-geschlossen', getHref: () => '/konto-geschlossen' },
  /** The chat inbox; `?archiv=1` shows archived sessions. */
  chats: { path: '/chats', getHref: (archived = false) => (archived ? '/chats?archiv=1' : '/chats') },
  /** One conversation. */
  chat: { path: '/chats/:id', getHref: (id: string) => `/chats/${encodeURIComponent(id)}` },
  /** Moderators: chat messages held by the content filter, and disabling sessions. */
  moderationChat: { path: '/moderation/chat', getHref: () => '/moderation/chat' },
  /** Moderators: the review queues `neu`, `aktualisierungen`, `stichproben` (the workspace's first tabs). */
  moderationReviews: {
    path: '/moderation/pruefungen/:queue',
    getHref: (queue: 'neu' | 'aktualisierungen' | 'stichproben') => `/moderation/pruefungen/${queue}`,
  },
  /** Moderators: flagged content (`?status=erledigt` for resolved flags). */
  moderationFlags: { path: '/moderation/meldungen', getHref: () => '/moderation/meldungen' },
  moderationFlag: {
    path: '/moderation/meldungen/:id',
    getHref: (id: string) => `/moderation/meldungen/${encodeURIComponent(id)}`,
  },
  moderationTakedowns: { path: '/moderation/takedowns', getHref: () => '/moderation/takedowns' },
  moderationAppeals: { path: '/moderation/einsprueche', getHref: () => '/moderation/einsprueche' },
  /** The caller's moderation decisions (statements of reasons) with the appeal form. */
  myDecisions: { path: '/meine-entscheidungen', getHref: () => '/meine-entscheidungen' },
  /** Creators: takedown notices against their Nanos, with the counter-notice form. */
  myTakedowns: { path: '/meine-nanos/beschwerden', getHref: () => '/meine-nanos/beschwerden' },
  /** Public: the copyright notice form (`?nano=<id>` preselects the Nano). */
  takedownNotice: {
    path: '/rechtsverletzung-melden',
    getHref: (nanoId?: string) =>
      nanoId ? `/rechtsverletzung-melden?nano=${encodeURIComponent(nanoId)}` : '/rechtsverletzung-melden',
  },
  /** Public: linked from the confirmation email with `?token=`. */
  takedownConfirm: {
    path: '/rechtsverletzung-melden/bestaetigen',
    getHref: () => '/rechtsverletzung-melden/bestaetigen',
  },
  /** Public: the appeal of a suspended account, linked from the statement of reasons with `?token=`. */
  appealLink: { path: '/einspruch', getHref: () => '/einspruch' },
  /** Public: the yearly transparency report (`?jahr=`). */
  transparency: { path: '/transparenzbericht', getHref: () => '/transparenzbericht' },
  adminUsers: { path: '/admin/nutzer', getHref: () => '/admin/nutzer' },
  adminUser: {
    path: '/admin/nutzer/:id',
    getHref: (id: string) => `/admin/nutzer/${encodeURIComponent(id)}`,
  },
  adminCategories: { path: '/admin/kategorien', getHref: () => '/admin/kategorien' },
  adminAudit: { path: '/admin/audit', getHref: () => '/admin/audit' },
  adminAnalytics: { path: '/admin/statistik', getHref: () => '/admin/statistik' },
  /** Admins: the DSGVO console (data-subject requests, due dates, inventory, retention). */
  adminPrivacy: { path: '/admin/datenschutz', getHref: () => '/admin/datenschutz' },
  /** Admins: one user's data inventory with the export/erasure actions. */
  adminPrivacyUser: {
    path: '/admin/datenschutz/nutzer/:id',
    getHref: (id: string) => `/admin/datenschutz/nutzer/${encodeURIComponent(id)}`,
  },
  /** Admins: editing (publishing new versions of) privacy policy, terms and imprint. */
  adminLegal: { path: '/admin/rechtstexte', getHref: () => '/admin/rechtstexte' },
} as const;

/**
 * A `?next=` value that is safe to navigate to: a path on this site (not `//evil.example`,
 * not an absolute URL), else undefined.
 */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return undefined;
  }
  return next;
}

/** Why another page sent the visitor to the login page; passed as router state `{ notice }`. */
export type LoginNotice = 'passwordReset' | 'loggedOutEverywhere';

const LOGIN_NOTICES: readonly string[] = ['passwordReset', 'loggedOutEverywhere'] satisfies LoginNotice[];

/** The login notice in a router location state, if any. */
export function loginNoticeOf(state: unknown): LoginNotice | undefined {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return typeof notice === 'string' && LOGIN_NOTICES.includes(notice) ? (notice as LoginNotice) : undefined;
}
