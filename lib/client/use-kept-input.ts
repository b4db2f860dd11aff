'use client';

import { useEffect, useEffectEvent } from 'react';
import { readKept } from '@/lib/client/kept-input';

/**
 * Hands what is kept under `key` (lib/client/kept-input.ts; null: nothing) to `restore` once the
 * page has hydrated, as the server has no browser storage to render it from, and again whenever
 * `key` changes (another annotation, another article).
 */
export function useKeptInput<T>(key: string, isValid: (value: unknown) => value is T, restore: (kept: T | null) => void): void {
  const load = useEffectEvent((from: string) => restore(readKept(from, isValid)));
  useEffect(() => load(key), [key]);
}
