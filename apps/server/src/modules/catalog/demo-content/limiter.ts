/** A gate that lets at most `limit` tasks run at a time, in the order they arrive. */
export function limiter(limit: number): <R>(task: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= limit) {
      // The finishing task hands its slot over directly, so `running` stays counted.
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      running += 1;
    }
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) {
        next();
      } else {
        running -= 1;
      }
    }
  };
}

/** Runs `task` over `items` with at most `limit` at a time; the promises keep the order of `items`. */
export function limited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Array<Promise<R>> {
  const slot = limiter(limit);
  return items.map((item, index) => slot(() => task(item, index)));
}

/** Waits for all promises and then throws the first failure, so no rejection is left unobserved. */
export async function settleAll<T>(promises: ReadonlyArray<Promise<T>>): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) {
    throw failed.reason;
  }
  return results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}

/**
 * The same promise, marked as observed: it may reject before anyone awaits it (a build that fails
 * while its upload still waits for a slot), which must not count as an unhandled rejection.
 */
export function observed<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
