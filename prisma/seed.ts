// npm run db:seed: seeds DATABASE_URL (idempotent) and prints the demo accounts it created.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createPrismaClient } from '../lib/prisma-client';
import { seedDatabase } from '../lib/seed/seed-database';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('db:seed: DATABASE_URL is not set');
  process.exit(1);
}
const db = createPrismaClient(url, 2);
try {
  const created = await seedDatabase(db);
  if (created.length === 0) {
    console.log('db:seed: nothing to do (already seeded)');
  } else {
    const lines = created.map((a) => `${a.role.toLowerCase().padEnd(8)} ${a.email}  ${a.password}`);
    console.log(['db:seed: demo accounts created (role, e-mail, password):', ...lines.map((l) => `  ${l}`)].join('\n'));
    if (created.some((a) => a.generated)) {
      const file = path.join(process.env.FACTCHECK_DATA_DIR ?? path.join(process.cwd(), '.data'), 'demo-credentials.txt');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, `# Demo accounts created ${new Date().toISOString()}\n${lines.join('\n')}\n`, { mode: 0o600 });
      console.log(`db:seed: generated passwords also written to ${path.relative(process.cwd(), file)}`);
    }
  }
} finally {
  await db.$disconnect();
}
