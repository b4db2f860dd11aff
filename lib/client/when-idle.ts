/**
 * Calls `callback` when the browser is next idle, or after `timeoutMs` at the latest; returns the
 * function that cancels it.
 */
export function whenIdle(callback: () => void, timeoutMs = 1000): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(callback, 50);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(callback, { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}
