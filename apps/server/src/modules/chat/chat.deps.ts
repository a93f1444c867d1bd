import type { ModuleDeps } from '../module-deps.ts';
import type { RealtimeHub } from '../realtime/realtime.types.ts';

/** What the chat module uses. */
export interface ChatDeps extends ModuleDeps {
  realtime: RealtimeHub;
}
