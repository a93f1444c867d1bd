/** Most user ids one `presence.watch` may carry (the contract's limit). */
export const PRESENCE_WATCH_MAX = 200;

/**
 * Whose presence the UI wants (counted per registration, so two rows watching one user are one
 * id) and what the server has said about them since the connection opened. `onWatchChange` runs
 * once per batch of changes (rows register one by one while a list renders).
 */
export class PresenceRegistry {
  readonly #onWatchChange: () => void;
  /** User id → how many parts of the UI watch it. */
  readonly #watched = new Map<string, number>();
  #queued = false;
  #state: Readonly<Record<string, boolean>> = {};
  readonly #listeners = new Set<() => void>();

  constructor(onWatchChange: () => void) {
    this.#onWatchChange = onWatchChange;
  }

  /** The watched ids, as `presence.watch` sends them. */
  get userIds(): string[] {
    return [...this.#watched.keys()].slice(0, PRESENCE_WATCH_MAX);
  }

  /** Who is online as the server reported it (unknown ids are missing); a new object on every change. */
  get state(): Readonly<Record<string, boolean>> {
    return this.#state;
  }

  /** Registers interest in these users; returns the function that withdraws it. */
  watch(userIds: readonly string[]): () => void {
    const ids = [...new Set(userIds)];
    let added = false;
    for (const id of ids) {
      const count = this.#watched.get(id) ?? 0;
      this.#watched.set(id, count + 1);
      added ||= count === 0;
    }
    if (added) {
      this.#queueWatchChange();
    }
    return () => {
      let removed = false;
      for (const id of ids) {
        const count = this.#watched.get(id) ?? 0;
        if (count <= 1) {
          this.#watched.delete(id);
          removed = true;
        } else {
          this.#watched.set(id, count - 1);
        }
      }
      if (removed) {
        this.#queueWatchChange();
      }
    };
  }

  /** The server said whether `userId` is online. */
  set(userId: string, online: boolean): void {
    this.#replace({ ...this.#state, [userId]: online });
  }

  /** Forgets everything reported (the connection dropped: nothing is known live any more). */
  clear(): void {
    if (Object.keys(this.#state).length > 0) {
      this.#replace({});
    }
  }

  /** Listens to changes of `state` (for `useSyncExternalStore`). */
  onChange = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  #replace(state: Readonly<Record<string, boolean>>): void {
    this.#state = state;
    for (const listener of this.#listeners) {
      listener();
    }
  }

  #queueWatchChange(): void {
    if (this.#queued) {
      return;
    }
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#onWatchChange();
    });
  }
}
