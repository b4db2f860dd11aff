import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openApiDocument } from '@/lib/api/openapi';

// Routes that are not part of the public REST API.
const internal = new Set(['/api/auth/{...nextauth}', '/api/openapi.json', '/api/collab/token']);

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === 'route.ts' ? [full] : [];
  });
}

describe('OpenAPI document', () => {
  it('describes every method of every API route', () => {
    const documented = openApiDocument.paths as Record<string, Record<string, unknown>>;
    const routes = routeFiles('app/api').map((file) => ({
      path: '/' + path.dirname(file).replace(/^app\//, '').replace(/\[([^\]]+)\]/g, '{$1}'),
      methods: [...readFileSync(file, 'utf8').matchAll(/export (?:const|async function|function) (GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) => m[1]!.toLowerCase()),
    }));
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes.filter((r) => !internal.has(r.path))) {
      expect(documented[route.path], `${route.path} is not in lib/api/openapi.ts`).toBeDefined();
      for (const method of route.methods) expect(documented[route.path]![method], `${method.toUpperCase()} ${route.path}`).toBeDefined();
    }
  });
});
