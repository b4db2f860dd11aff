'use client';

import { useEffect } from 'react';

/**
 * Marks the page `data-hydrated` once React has attached its handlers: browser tests wait for it
 * before clicking buttons that only work with JavaScript (a click before hydration is lost).
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
