const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'" },
];

/** @type {import('next').NextConfig} */
export default {
  poweredByHeader: false,
  // forbidden(): a signed-in user whose role may not open a page gets a 403 page (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole project (tsc --noEmit) as its own step; the build does not
  // repeat it, so `npm start` is not slowed down by tests' types.
  typescript: { ignoreBuildErrors: true },
  // Native or wasm packages that must be loaded by Node at run time, not bundled; pdfkit too, which
  // loads its font metrics at run time through createRequire.
  serverExternalPackages: ['@node-rs/argon2', '@electric-sql/pglite', 'pg', 'postgres', 'pdfkit'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};
