// ESLint (npm run lint; a step of npm test): ESLint's recommended rules, Next's (React, hooks,
// accessibility, Core Web Vitals) and typescript-eslint's strict set.
import js from '@eslint/js';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const config = [
  // Generated or written by tools: the Prisma client, Next's build, test and bench results, the embedded database.
  { ignores: ['lib/generated/**', '.next/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'bench/results/**', '.data/**'] },
  js.configs.recommended,
  ...nextCoreWebVitals,
  ...nextTypescript,
  ...tseslint.configs.strict,
  {
    rules: {
      // `!` marks an index or Map lookup the code has just bounded or checked; tsc --strict does the null checking.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `const { id: _id, ...rest } = x` is how we drop a field from an object.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Our regexes with \x00-\x1f strip control characters on purpose (stored text, XML, PDF strings).
      'no-control-regex': 'off',
    },
  },
  {
    // No React here (Node and Playwright programs): a callback named `use`, as Playwright names it, is not React's use().
    files: ['bench/**', 'scripts/**', 'e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Named default exports help Fast Refresh and devtools name components; these are plain objects read by their runner.
    files: ['bench/**', '*.config.{js,mjs}'],
    rules: { 'import/no-anonymous-default-export': 'off' },
  },
];

export default config;
