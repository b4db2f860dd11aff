// The REST API, described for integrators (served at /api/openapi.json, readable at /api-docs).
const error = { $ref: '#/components/schemas/Error' };
const errorResponses = {
  '400': { description: 'Malformed JSON, invalid UTF-8 or a bad header', content: { 'application/json': { schema: error } } },
  '401': { description: 'Not signed in, or the token/account is not active', content: { 'application/json': { schema: error } } },
  '403': { description: 'Your role may not do this (see the permissions table)', content: { 'application/json': { schema: error } } },
  '404': { description: 'No such record', content: { 'application/json': { schema: error } } },
  '409': { description: 'Stale version (body carries `current`) or an invalid status transition', content: { 'application/json': { schema: error } } },
  '413': { description: 'Body larger than 256 KB', content: { 'application/json': { schema: error } } },
  '422': { description: 'A field is invalid; `field` names it', content: { 'application/json': { schema: error } } },
};
const idParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Factcheck desk API',
    version: '1.0.0',
    description:
      'Annotations of stored articles: verdicts, rationale, sources, comments and review status. Authenticate with the session cookie (browser) or `Authorization: Bearer <personal API token>`; the same permissions apply. Text offsets are UTF-16 code units over the article plain text.',
  },
  servers: [{ url: '/' }],
  security: [{ bearer: [] }, { session: [] }],
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token' },
      session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error', 'message'],
        properties: { error: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' }, current: { $ref: '#/components/schemas/Annotation' } },
      },
      Source: {
        type: 'object',
        required: ['url'],
        additionalProperties: false,
        properties: {
          url: { type: 'string', format: 'uri', description: 'http or https only' },
          title: { type: 'string', maxLength: 500 },
          publisher: { type: 'string', maxLength: 300 },
          excerpt: { type: 'string', maxLength: 5000 },
          accessedAt: { type: ['string', 'null'], format: 'date' },
        },
      },
      Annotation: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          articleId: { type: 'string' },
          version: { type: 'integer' },
          status: { enum: ['DRAFT', 'SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED'] },
          orphaned: { type: 'boolean' },
          verdict: { type: ['object', 'null'], properties: { key: { type: 'string' }, label: { type: 'string' }, color: { type: 'string' }, ratingValue: { type: 'integer' } } },
          rationale: { type: 'string' },
          target: {
            type: 'object',
            properties: { exact: { type: 'string' }, prefix: { type: 'string' }, suffix: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' } },
          },
          author: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
          sources: { type: 'array', items: { $ref: '#/components/schemas/Source' } },
          commentCount: { type: 'integer' },
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
      CreateAnnotation: {
        type: 'object',
        required: ['start', 'end', 'exact'],
        additionalProperties: false,
        properties: {
          start: { type: 'integer', minimum: 0 },
          end: { type: 'integer' },
          exact: { type: 'string', description: 'Must equal the article text between start and end' },
          verdict: { type: ['string', 'null'], description: 'Verdict key, see GET /api/verdicts' },
          rationale: { type: 'string', maxLength: 20000 },
          sources: { type: 'array', maxItems: 50, items: { $ref: '#/components/schemas/Source' } },
          submit: { type: 'boolean', description: 'Submit for review at once (needs a verdict, and a source unless the verdict needs none)' },
        },
      },
      UpdateAnnotation: {
        type: 'object',
        required: ['version'],
        additionalProperties: false,
        properties: {
          version: { type: 'integer', description: 'The version you saw; a stale one gets 409' },
          verdict: { type: ['string', 'null'] },
          rationale: { type: 'string', maxLength: 20000 },
          sources: { type: 'array', items: { $ref: '#/components/schemas/Source' } },
        },
      },
      Comment: { type: 'object', properties: { id: { type: 'string' }, body: { type: 'string' }, author: { type: 'object' }, createdAt: { type: 'string' } } },
    },
  },
  paths: {
    '/api/health': { get: { summary: 'Health of the app and its database', security: [], responses: { '200': { description: 'Up' }, '503': { description: 'Something is down (named)' } } } },
    '/api/verdicts': { get: { summary: 'The verdict scale', responses: { '200': { description: 'Verdicts in order' }, ...errorResponses } } },
    '/api/articles/{id}/annotations': {
      parameters: [idParam('id', 'Article id')],
      get: { summary: 'Annotations of an article in text order', responses: { '200': json({ type: 'object', properties: { annotations: { type: 'array', items: { $ref: '#/components/schemas/Annotation' } } } }), ...errorResponses } },
      post: {
        summary: 'Create an annotation (with its sources, in one transaction)',
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Retrying with the same key returns the first result (200) instead of a duplicate', schema: { type: 'string', minLength: 8, maxLength: 128 } }],
        requestBody: { required: true, ...json({ $ref: '#/components/schemas/CreateAnnotation' }) },
        responses: { '201': { description: 'Created' }, '200': { description: 'Already created with this idempotency key' }, ...errorResponses },
      },
    },
    '/api/annotations/{id}': {
      parameters: [idParam('id', 'Annotation id')],
      get: {
        summary: 'One annotation; `Accept: application/ld+json` gives a W3C Web Annotation',
        responses: { '200': { description: 'The annotation', content: { 'application/json': {}, 'application/ld+json': {} } }, ...errorResponses },
      },
      patch: { summary: 'Change verdict, rationale or sources (author, editor or admin)', requestBody: { required: true, ...json({ $ref: '#/components/schemas/UpdateAnnotation' }) }, responses: { '200': { description: 'Updated' }, ...errorResponses } },
      delete: { summary: 'Soft-delete (author, editor or admin); audited', requestBody: { required: false, ...json({ type: 'object', properties: { version: { type: 'integer' } } }) }, responses: { '204': { description: 'Deleted' }, ...errorResponses } },
    },
    '/api/annotations/{id}/status': {
      parameters: [idParam('id', 'Annotation id')],
      post: {
        summary: 'Review workflow: submit (author), approve / request_changes / reopen (editor, admin)',
        requestBody: { required: true, ...json({ type: 'object', required: ['version', 'action'], properties: { version: { type: 'integer' }, action: { enum: ['submit', 'approve', 'request_changes', 'reopen'] }, note: { type: 'string' } } }) },
        responses: { '200': { description: 'New state' }, ...errorResponses },
      },
    },
    '/api/annotations/{id}/comments': {
      parameters: [idParam('id', 'Annotation id')],
      get: { summary: 'The comment thread', responses: { '200': { description: 'Comments, oldest first' }, ...errorResponses } },
      post: { summary: 'Add a comment (any signed-in user)', requestBody: { required: true, ...json({ type: 'object', required: ['body'], properties: { body: { type: 'string', maxLength: 10000 } } }) }, responses: { '201': { description: 'Created' }, ...errorResponses } },
    },
    '/api/annotations/{id}/thread': {
      parameters: [idParam('id', 'Annotation id')],
      post: { summary: 'Resolve or reopen the comment thread', requestBody: { required: true, ...json({ type: 'object', required: ['resolved'], properties: { resolved: { type: 'boolean' } } }) }, responses: { '200': { description: 'Done' }, ...errorResponses } },
    },
    '/api/annotations/{id}/history': {
      parameters: [idParam('id', 'Annotation id')],
      get: { summary: 'Every change to the annotation', responses: { '200': { description: 'Events, oldest first' }, ...errorResponses } },
    },
  },
} as const;
