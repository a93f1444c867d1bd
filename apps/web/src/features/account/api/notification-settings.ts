import {
  type NotificationChannel,
  type NotificationSettings,
  type NotificationType,
  notificationSettingsSchema,
} from '@nano/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

export const notificationSettingsQueryKey = [privateQueryKeyPrefix, 'notification-settings'] as const;

/** `GET /api/v1/me/notification-settings`: the channel of every type, with its default. */
export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return apiFetch('/api/v1/me/notification-settings', notificationSettingsSchema, { signal });
}

export function useNotificationSettings() {
  return useQuery(
    queryOptions({
      queryKey: notificationSettingsQueryKey,
      queryFn: ({ signal }) => getNotificationSettings(signal),
    }),
  );
}

/** `PATCH /api/v1/me/notification-settings` with one type's channel → all settings. */
export function updateNotificationSetting({
  type,
  channel,
}: {
  type: NotificationType;
  channel: NotificationChannel;
}): Promise<NotificationSettings> {
  return apiFetch('/api/v1/me/notification-settings', notificationSettingsSchema, {
    method: 'PATCH',
    json: { settings: { [type]: channel } },
  });
}

/**
 * The answer's entry for the changed type replaces the cached one, so the control shows what the
 * server stored; the other entries stay, so answers of changes to other types cannot undo each other.
 */
export function useUpdateNotificationSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationSetting,
    onSuccess: (settings, { type }) => {
      const stored = settings.items.find((item) => item.type === type);
      queryClient.setQueryData<NotificationSettings>(notificationSettingsQueryKey, (cached) =>
        cached && stored
          ? { items: cached.items.map((item) => (item.type === type ? stored : item)) }
          : settings,
      );
    },
  });
}
