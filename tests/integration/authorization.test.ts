import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { can, type Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import { apiTokenFor, call } from '../support/api';
import { createUser } from '../support/db';

// Routes outside the permissions table, each for a stated reason.
const publicRoutes: Record<string, string> = {
  'app/api/auth/[...nextauth]/route.ts': 'next-auth itself: sign-in, sign-out, CSRF token',
  'app/api/health/route.ts': 'health checks answer load balancers without a session',
  'app/api/openapi.json/route.ts': 'the API description is public',
};

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof methods)[number];

interface RouteUnderTest {
  file: string;
  method: Method;
  action: Action | undefined;
  handler: unknown;
  params: Record<string, string>;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === 'route.ts' ? [full] : [];
  });
}

const personas = ['anonymous', 'deactivated', 'REVIEWER', 'EDITOR', 'ADMIN'] as const;
const tokens: Partial<Record<(typeof personas)[number], string>> = {};
const routes: RouteUnderTest[] = [];

beforeAll(async () => {
  for (const role of ['REVIEWER', 'EDITOR', 'ADMIN'] as Role[]) tokens[role] = await apiTokenFor((await createUser(role)).id);
  tokens.deactivated = await apiTokenFor((await createUser('EDITOR', { active: false })).id);
  for (const file of routeFiles('app/api')) {
    if (publicRoutes[file]) continue;
    const mod = (await import(path.resolve(file))) as Record<string, unknown>;
    const params = Object.fromEntries([...file.matchAll(/\[([^\]]+)\]/g)].map((m) => [m[1]!, 'no-such-record']));
    for (const method of methods) {
      if (!mod[method]) continue;
      routes.push({ file, method, handler: mod[method], action: (mod[method] as { action?: Action }).action, params });
    }
  }
});

describe('authorization, walked over every API route', () => {
  it('finds the routes, and every one is in the permissions table (a new route without an entry fails here)', () => {
    expect(routes.length).toBeGreaterThan(15);
    const missing = routes.filter((r) => !r.action).map((r) => `${r.method} ${r.file}`);
    expect(missing, 'wrap these handlers in apiRoute(action, …) or list them in publicRoutes with a reason').toEqual([]);
    // Every route module of the API is either guarded or listed as public.
    for (const file of routeFiles('app/api')) {
      const source = readFileSync(file, 'utf8');
      if (!publicRoutes[file]) expect(source, file).toMatch(/apiRoute[<(]/);
    }
  });

  it('gives anonymous and deactivated callers 401, refused roles 403, allowed roles neither', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const persona of personas) {
        const res = await call(route.handler, route.method, {
          token: persona === 'anonymous' ? undefined : tokens[persona],
          params: route.params,
          body: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
          path: `/${route.file.replace(/^app\//, '').replace(/\/route\.ts$/, '')}`,
        });
        let expected: string;
        let ok: boolean;
        if (persona === 'anonymous' || persona === 'deactivated') {
          expected = '401';
          ok = res.status === 401;
        } else if (can(persona, route.action!)) {
          expected = 'not 401/403/5xx';
          ok = res.status !== 401 && res.status !== 403 && res.status < 500;
        } else {
          expected = '403';
          ok = res.status === 403;
        }
        if (!ok) failures.push(`${route.method} ${route.file} as ${persona}: got ${res.status}, expected ${expected} (${res.json?.message ?? ''})`);
      }
    }
    expect(failures).toEqual([]);
  });

  // A route that reads a body refuses these with a 4xx naming the problem; one that takes no body
  // (the collaboration token) ignores it. None answers 5xx.
  it('answers hostile bodies on every write route with a clear error or ignores them, never a 5xx', async () => {
    const bodies: [string, string | Uint8Array][] = [
      ['malformed JSON', '{"title": "x",'],
      ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
      ['an array', '[1,2,3]'],
      ['a 300 KB string', JSON.stringify({ body: 'a'.repeat(300_000), title: 'a'.repeat(300_000) })],
      ['SQL-looking values', JSON.stringify({ title: "'; DROP TABLE \"User\"; --", name: "x' OR '1'='1", body: 'x' })],
    ];
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      for (const [name, rawBody] of bodies) {
        const res = await call(route.handler, route.method, { token: tokens.ADMIN, params: route.params, rawBody, headers: { 'content-type': 'application/json' } });
        if (res.status >= 500 || (res.status >= 400 && typeof res.json?.message !== 'string')) {
          failures.push(`${route.method} ${route.file} with ${name}: ${res.status} ${JSON.stringify(res.json).slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
