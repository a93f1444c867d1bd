import type { Platform } from '../../platform/index.ts';

/** Registers the notification email job (issue 6; being built). */
export function registerNotificationJobs(_platform: Platform, _config: { publicUrl: string }): void {}
