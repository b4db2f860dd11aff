// Secrets outside production: taken from the environment, else generated once and kept in
// <dataDir>/secrets.json. A missing or half-written file (an unclean stop) is replaced, keeping
// whatever valid secrets it still holds.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SECRET_KEYS = ['AUTH_SECRET', 'COLLAB_TOKEN_SECRET'];

/** Returns the names of the secrets that had to come from the file (or were created in it). */
export function loadOrCreateSecrets(dataDir, env) {
  const missing = SECRET_KEYS.filter((key) => !env[key] && !(key === 'AUTH_SECRET' && env.NEXTAUTH_SECRET));
  if (!missing.length) return [];
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'secrets.json');
  let secrets = {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object') secrets = parsed;
  } catch {
    // Missing or half-written: make new ones.
  }
  for (const key of missing) {
    if (typeof secrets[key] !== 'string' || secrets[key].length < 32) secrets[key] = randomBytes(32).toString('base64url');
  }
  // Write then rename, so a stop in the middle never leaves a half-written file behind.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  renameSync(temporary, file);
  for (const key of missing) env[key] = secrets[key];
  return missing;
}
