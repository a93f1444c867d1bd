import type { Role } from '@nano/contracts';
import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AccountPage } from '../features/account/components/account-page.tsx';
import { RequiredPasswordChangePage } from '../features/account/components/required-password-change-page.tsx';
import { RequiredTwoFactorPage } from '../features/account/components/required-two-factor-page.tsx';
import { AuditLogPage } from '../features/admin/components/audit-log-page.tsx';
import { CategoriesPage } from '../features/admin/components/categories-page.tsx';
import { UserPage } from '../features/admin/components/user-page.tsx';
import { UsersPage } from '../features/admin/components/users-page.tsx';
import { ForgotPasswordPage } from '../features/auth/components/forgot-password-page.tsx';
import { LoginPage } from '../features/auth/components/login-page.tsx';
import { RegisterPage } from '../features/auth/components/register-page.tsx';
import { ResetPasswordPage } from '../features/auth/components/reset-password-page.tsx';
import { VerifyEmailPage } from '../features/auth/components/verify-email-page.tsx';
import { ChatInboxPage } from '../features/chat/components/chat-inbox-page.tsx';
import { ChatWithCreatorButton } from '../features/chat/components/chat-with-creator-button.tsx';
import { ConversationPage } from '../features/chat/components/conversation-page.tsx';
import { BecomeCreatorPage } from '../features/creator/components/become-creator-page.tsx';
import { HomePage } from '../features/home/components/home-page.tsx';
import { LegalAcceptancePage } from '../features/legal/components/legal-acceptance-page.tsx';
import {
  ImprintPage,
  PrivacyPolicyPage,
  TermsPage,
} from '../features/legal/components/legal-document-page.tsx';
import { FavoritesPage } from '../features/lists/components/favorites-page.tsx';
import { ListDetailPage } from '../features/lists/components/list-detail-page.tsx';
import { ListsPage } from '../features/lists/components/lists-page.tsx';
import { SharedListPage } from '../features/lists/components/shared-list-page.tsx';
import { AppealsPage } from '../features/moderation/components/appeals-page.tsx';
import { ChatModerationPage } from '../features/moderation/components/chat-moderation-page.tsx';
import { FlagDetailPage } from '../features/moderation/components/flag-detail-page.tsx';
import { FlagsPage } from '../features/moderation/components/flags-page.tsx';
import { ModerationWorkspace } from '../features/moderation/components/moderation-workspace.tsx';
import { ReviewPage } from '../features/moderation/components/review-page.tsx';
import { ReviewQueuePage } from '../features/moderation/components/review-queue-page.tsx';
import { TakedownsPage } from '../features/moderation/components/takedowns-page.tsx';
import { MyNanosPage } from '../features/nanos/components/my-nanos-page.tsx';
import {
  type NanoActions,
  NanoDetailPage,
  type NanoSections,
} from '../features/nanos/components/nano-detail-page.tsx';
import { EditNanoPage, NewNanoPage } from '../features/nanos/components/nano-editor-page.tsx';
import { NanoVersionsPage } from '../features/nanos/components/nano-versions-page.tsx';
import { NotificationsPage } from '../features/notifications/components/notifications-page.tsx';
import { AccountClosedPage } from '../features/privacy/components/account-closed-page.tsx';
import { ErasureCancelPage } from '../features/privacy/components/erasure-cancel-page.tsx';
import { DataInventoryPage } from '../features/privacy-admin/components/data-inventory-page.tsx';
import { LegalEditorPage } from '../features/privacy-admin/components/legal-editor-page.tsx';
import { PrivacyConsolePage } from '../features/privacy-admin/components/privacy-console-page.tsx';
import { PublicProfilePage } from '../features/profiles/components/public-profile-page.tsx';
import { MyRatingsPage } from '../features/ratings/components/my-ratings-page.tsx';
import { RatingSection } from '../features/ratings/components/rating-section.tsx';
import { ReceivedRatingsPage } from '../features/ratings/components/received-ratings-page.tsx';
import { FeaturedNanosPage } from '../features/search/components/featured-nanos-page.tsx';
import { SavedSearchesPage } from '../features/search/components/saved-searches-page.tsx';
import { SearchAnalyticsPage } from '../features/search/components/search-analytics-page.tsx';
import { SearchPage } from '../features/search/components/search-page.tsx';
import { UnsubscribePage } from '../features/search/components/unsubscribe-page.tsx';
import { AppealLinkPage } from '../features/trust/components/appeal-link-page.tsx';
import { MyDecisionsPage } from '../features/trust/components/my-decisions-page.tsx';
import { MyTakedownsPage } from '../features/trust/components/my-takedowns-page.tsx';
import {
  NanoReportActions,
  ProfileFlagAction,
  RatingFlagAction,
} from '../features/trust/components/report-actions.tsx';
import { TakedownConfirmPage } from '../features/trust/components/takedown-confirm-page.tsx';
import { TakedownNoticePage } from '../features/trust/components/takedown-notice-page.tsx';
import { CREATOR_ROLES, STAFF_ROLES } from '../shared/auth/roles.ts';
import { paths } from '../shared/routes.ts';
import { PageLoader } from '../shared/ui/page-loader.tsx';
import { GuestOnly } from './guards/guest-only.tsx';
import { RequireAuth } from './guards/require-auth.tsx';
import { RequireRole } from './guards/require-role.tsx';
import { RequiredActionsGate } from './guards/required-actions-gate.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { RootErrorPage, RouteErrorPage } from './pages/route-error-page.tsx';
import { AppLayout } from './shell/app-shell.tsx';

/** Roles of the admin-only pages (the admin console, search analytics, featured Nanos). */
const ADMIN_ROLES: readonly Role[] = ['admin'];

/** The creator dashboard brings the chart library along, so it loads only when opened. */
const CreatorAnalyticsPage = lazy(async () => ({
  default: (await import('../features/analytics/components/creator-analytics-page.tsx')).CreatorAnalyticsPage,
}));

/** The transparency report brings the chart library along, so it loads only when opened. */
const TransparencyPage = lazy(async () => ({
  default: (await import('../features/trust/components/transparency-page.tsx')).TransparencyPage,
}));

/** The platform dashboard brings the chart library along, so it loads only when opened. */
const PlatformAnalyticsPage = lazy(async () => ({
  default: (await import('../features/admin/components/platform-analytics-page.tsx')).PlatformAnalyticsPage,
}));

/** Under a Nano's viewer: its ratings and comments, each of someone else's with "Melden". */
const nanoSections: NanoSections = (nano) => (
  <RatingSection
    nano={nano}
    ratingActions={(rating) => (rating.mine ? null : <RatingFlagAction rating={rating} />)}
  />
);
/** Beside a Nano's own actions: the chat with its creator, "Melden" and the infringement notice link. */
const nanoActions: NanoActions = (nano) => (
  <>
    <ChatWithCreatorButton nano={nano} />
    <NanoReportActions nano={nano} />
  </>
);

/** A page with its own error boundary. */
function page(path: string, element: ReactNode): RouteObject {
  return { path, element, errorElement: <RouteErrorPage /> };
}

/**
 * The route tree: every page inside the app shell, each with its own error boundary; all
 * behind the gate that forces a pending password change or 2FA enrolment first.
 */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RootErrorPage />,
    children: [
      {
        element: <RequiredActionsGate />,
        children: [
          page(paths.home.path, <HomePage />),
          {
            element: <GuestOnly />,
            children: [page(paths.register.path, <RegisterPage />), page(paths.login.path, <LoginPage />)],
          },
          page(paths.verifyEmail.path, <VerifyEmailPage />),
          page(paths.forgotPassword.path, <ForgotPasswordPage />),
          page(paths.resetPassword.path, <ResetPasswordPage />),
          page(
            paths.publicProfile.path,
            <PublicProfilePage actions={(profile) => <ProfileFlagAction profile={profile} />} />,
          ),
          page(paths.nanoDetail.path, <NanoDetailPage sections={nanoSections} actions={nanoActions} />),
          page(paths.search.path, <SearchPage />),
          page(paths.unsubscribeSavedSearches.path, <UnsubscribePage />),
          page(paths.sharedList.path, <SharedListPage />),
          page(paths.takedownNotice.path, <TakedownNoticePage />),
          page(paths.takedownConfirm.path, <TakedownConfirmPage />),
          page(paths.appealLink.path, <AppealLinkPage />),
          page(paths.privacy.path, <PrivacyPolicyPage />),
          page(paths.terms.path, <TermsPage />),
          page(paths.imprint.path, <ImprintPage />),
          page(paths.erasureCancel.path, <ErasureCancelPage />),
          page(paths.accountClosed.path, <AccountClosedPage />),
          page(
            paths.transparency.path,
            <Suspense fallback={<PageLoader />}>
              <TransparencyPage />
            </Suspense>,
          ),
          {
            element: <RequireAuth />,
            children: [
              page(paths.account.path, <AccountPage />),
              page(paths.becomeCreator.path, <BecomeCreatorPage />),
              page(paths.requiredPasswordChange.path, <RequiredPasswordChangePage />),
              page(paths.requiredTwoFactor.path, <RequiredTwoFactorPage />),
              page(paths.legalAcceptance.path, <LegalAcceptancePage />),
              page(paths.nanoVersions.path, <NanoVersionsPage />),
              page(paths.savedSearches.path, <SavedSearchesPage />),
              page(paths.myRatings.path, <MyRatingsPage />),
              page(paths.favorites.path, <FavoritesPage />),
              page(paths.lists.path, <ListsPage />),
              page(paths.listDetail.path, <ListDetailPage />),
              page(paths.notifications.path, <NotificationsPage />),
              page(paths.chats.path, <ChatInboxPage />),
              page(paths.chat.path, <ConversationPage />),
              page(paths.myDecisions.path, <MyDecisionsPage />),
              {
                element: <RequireRole roles={CREATOR_ROLES} />,
                children: [
                  page(paths.myNanos.path, <MyNanosPage />),
                  page(paths.newNano.path, <NewNanoPage />),
                  page(paths.editNano.path, <EditNanoPage />),
                  page(paths.receivedRatings.path, <ReceivedRatingsPage />),
                  page(paths.myTakedowns.path, <MyTakedownsPage />),
                  page(
                    paths.creatorAnalytics.path,
                    <Suspense fallback={<PageLoader />}>
                      <CreatorAnalyticsPage />
                    </Suspense>,
                  ),
                ],
              },
              {
                element: <RequireRole roles={STAFF_ROLES} />,
                children: [
                  {
                    // The moderation workspace: one tab per queue; `/moderation` opens the first.
                    element: <ModerationWorkspace />,
                    errorElement: <RouteErrorPage />,
                    children: [
                      page(
                        paths.moderationQueue.path,
                        <Navigate to={paths.moderationReviews.getHref('neu')} replace />,
                      ),
                      page(paths.moderationReviews.path, <ReviewQueuePage />),
                      page(paths.moderationFlags.path, <FlagsPage />),
                      page(paths.moderationChat.path, <ChatModerationPage />),
                      page(paths.moderationTakedowns.path, <TakedownsPage />),
                      page(paths.moderationAppeals.path, <AppealsPage />),
                    ],
                  },
                  page(paths.moderationReview.path, <ReviewPage />),
                  page(paths.moderationFlag.path, <FlagDetailPage />),
                ],
              },
              {
                element: <RequireRole roles={ADMIN_ROLES} />,
                children: [
                  page(paths.searchAnalytics.path, <SearchAnalyticsPage />),
                  page(paths.featuredNanos.path, <FeaturedNanosPage />),
                  page(paths.adminUsers.path, <UsersPage />),
                  page(paths.adminUser.path, <UserPage />),
                  page(paths.adminCategories.path, <CategoriesPage />),
                  page(paths.adminAudit.path, <AuditLogPage />),
                  page(paths.adminPrivacy.path, <PrivacyConsolePage />),
                  page(paths.adminPrivacyUser.path, <DataInventoryPage />),
                  page(paths.adminLegal.path, <LegalEditorPage />),
                  page(
                    paths.adminAnalytics.path,
                    <Suspense fallback={<PageLoader />}>
                      <PlatformAnalyticsPage />
                    </Suspense>,
                  ),
                ],
              },
            ],
          },
          page('*', <NotFoundPage />),
        ],
      },
    ],
  },
];

/** The browser router of the running app (tests use a memory router over the same routes). */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
