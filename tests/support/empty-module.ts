// Stands in for `server-only` under vitest (the real one throws outside Next's server bundles).
export {};
