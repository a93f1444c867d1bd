import type { ModuleDeps } from '../module-deps.ts';
import type { RealtimeHub } from '../realtime/realtime.types.ts';

/** What the moderation module uses: the common module deps and the realtime hub (live updates of chats). */
export interface ModerationDeps extends ModuleDeps {
  realtime?: RealtimeHub;
}
