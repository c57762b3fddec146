// Only the newest request may paint: fast typing never shows stale results.

export interface Latest {
  /** Starts a request; returns a function telling whether it is still the newest. */
  begin(): () => boolean;
}

export function latest(): Latest {
  let generation = 0;
  return {
    begin() {
      const mine = ++generation;
      return () => mine === generation;
    },
  };
}
