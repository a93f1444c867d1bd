import { Switch } from '@mantine/core';
import type { Nano } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { useFeatured, useSetFeatured } from '../../../shared/nanos/api/featured.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';

/** For admins, on a published Nano: "Auf der Startseite empfehlen" (the home page's "Empfohlen" block). */
export function FeaturedToggle({ nano }: { nano: Pick<Nano, 'id' | 'status'> }) {
  const { t } = useTranslation();
  const admin = useCurrentUser().data?.role === 'admin';
  const shown = admin && nano.status === 'published';
  const featured = useFeatured({ enabled: shown });
  const setFeatured = useSetFeatured();
  if (!shown || !featured.data) {
    return null;
  }
  const checked = setFeatured.isPending
    ? setFeatured.variables.featured
    : featured.data.some((hit) => hit.id === nano.id);
  return (
    <>
      <Switch
        label={t('featured.toggle')}
        checked={checked}
        disabled={setFeatured.isPending}
        onChange={(event) => setFeatured.mutate({ nanoId: nano.id, featured: event.currentTarget.checked })}
      />
      <FormErrorAlert error={setFeatured.error} />
    </>
  );
}
