import type { ChatConfig } from '../../config.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { RealtimeHub } from '../realtime/realtime.types.ts';

/** What the chat module uses. */
export interface ChatDeps extends ModuleDeps {
  realtime: RealtimeHub;
  /** The chat's configuration (blocked link domains, message rate). */
  settings: ChatConfig;
}
