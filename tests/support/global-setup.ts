import { createDatabaseIfMissing, testDatabaseUrl } from './test-database';
import { runMigrations } from './migrate';

export default async function setup(): Promise<void> {
  const url = testDatabaseUrl();
  await createDatabaseIfMissing(url);
  runMigrations(url);
}
