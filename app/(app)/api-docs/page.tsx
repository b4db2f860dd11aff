import type { Metadata } from 'next';
import { openApiDocument } from '@/lib/api/openapi';
import { requirePage } from '@/lib/auth/require-page';

export const metadata: Metadata = { title: 'API' };

type Operation = { summary: string };

/** A readable rendering of the OpenAPI document (no third-party viewer: nothing loads from the internet). */
export default async function ApiDocsPage() {
  await requirePage('/api-docs');
  const paths = Object.entries(openApiDocument.paths) as [string, Record<string, Operation | unknown>][];
  return (
    <>
      <h1>API</h1>
      <p>{openApiDocument.info.description}</p>
      <p>
        Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
      </p>
      <table className="api-table">
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Path</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {paths.flatMap(([path, item]) =>
            Object.entries(item)
              .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
              .map(([method, op]) => (
                <tr key={`${method} ${path}`}>
                  <td>
                    <code>{method.toUpperCase()}</code>
                  </td>
                  <td>
                    <code>{path}</code>
                  </td>
                  <td>{(op as Operation).summary}</td>
                </tr>
              )),
          )}
        </tbody>
      </table>
      <h2>Errors</h2>
      <p>
        Every error is JSON: <code>{'{ "error": "UNPROCESSABLE", "message": "sources.0.url: must be an http or https URL", "field": "sources.0.url" }'}</code>. A stale
        <code> version</code> gets 409 with the current annotation in <code>current</code>.
      </p>
    </>
  );
}
