// The REST API, described for integrators (served at /api/openapi.json, readable at /api-docs).
const error = { $ref: '#/components/schemas/Error' };
const errorResponses = {
  '400': { description: 'Malformed JSON, invalid UTF-8 or a bad header', content: { 'application/json': { schema: error } } },
  '401': { description: 'Not signed in, or the token/account is not active', content: { 'application/json': { schema: error } } },
  '403': { description: 'Your role may not do this (see the permissions table)', content: { 'application/json': { schema: error } } },
  '404': { description: 'No such record', content: { 'application/json': { schema: error } } },
  '409': { description: 'Stale version (body carries `current`), an invalid status transition, an e-mail already in use, or a change that would leave no active admin', content: { 'application/json': { schema: error } } },
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
          evidenceId: { type: ['string', 'null'], description: 'An evidence file from POST /api/evidence (one you uploaded, or one you can see on another annotation)' },
          evidence: { readOnly: true, oneOf: [{ $ref: '#/components/schemas/Evidence' }, { type: 'null' }] },
        },
      },
      Evidence: {
        type: 'object',
        required: ['id', 'fileName', 'mediaType', 'byteSize', 'sha256', 'url'],
        properties: {
          id: { type: 'string' },
          fileName: { type: 'string' },
          mediaType: { enum: ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'] },
          byteSize: { type: 'integer', maximum: 10485760 },
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          url: { type: 'string', description: 'GET it here (its uploader, and whoever may see an annotation citing it)' },
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
      AnnotationSummary: {
        type: 'object',
        description: 'An annotation as its highlight and its list row need it (`view=summary`); the rest from GET /api/annotations/{id}',
        properties: {
          id: { type: 'string' },
          version: { type: 'integer' },
          status: { enum: ['DRAFT', 'SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED'] },
          orphaned: { type: 'boolean' },
          verdict: { type: ['object', 'null'], properties: { key: { type: 'string' }, label: { type: 'string' }, color: { type: 'string' } } },
          target: { type: 'object', properties: { exact: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' } } },
          author: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
          commentCount: { type: 'integer' },
          blind: { type: 'boolean', description: 'Blind review hides its verdict from you' },
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
          correctionNote: { type: 'string', maxLength: 2000, description: "Required when the verdict of an approved annotation changes: why. Published in the article's corrections log and in reports." },
        },
      },
      Comment: { type: 'object', properties: { id: { type: 'string' }, body: { type: 'string' }, author: { type: 'object' }, createdAt: { type: 'string' } } },
      User: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          email: { type: 'string', format: 'email' },
          name: { type: 'string' },
          role: { enum: ['ADMIN', 'EDITOR', 'REVIEWER'] },
          active: { type: 'boolean' },
          mustChangePassword: { type: 'boolean', description: 'An admin reset the password; the user must set a new one' },
          hasPassword: { type: 'boolean' },
          lockedUntil: { type: ['string', 'null'], format: 'date-time' },
          invitationExpiresAt: { type: ['string', 'null'], format: 'date-time', description: 'Expiry of an unused invitation link' },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
      Invitation: {
        type: 'object',
        description: 'A one-time link for the user to set a password, valid 72 hours; shown once (only its hash is stored)',
        properties: { path: { type: 'string', example: '/invite/…' }, url: { type: 'string', format: 'uri' }, expiresAt: { type: 'string', format: 'date-time' } },
      },
      ApiToken: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          createdAt: { type: 'string', format: 'date-time' },
          lastUsedAt: { type: ['string', 'null'], format: 'date-time' },
          revokedAt: { type: ['string', 'null'], format: 'date-time' },
        },
      },
      AuditEvent: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          createdAt: { type: 'string', format: 'date-time' },
          action: { type: 'string', examples: ['user.created', 'user.role_changed', 'user.deactivated', 'login.failure'] },
          actor: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } } },
          targetType: { type: ['string', 'null'] },
          targetId: { type: ['string', 'null'] },
          target: { type: ['object', 'null'], properties: { name: { type: 'string' }, email: { type: 'string' } } },
          ip: { type: ['string', 'null'] },
          data: {},
        },
      },
    },
  },
  paths: {
    '/api/health': { get: { summary: 'Health of the app and its database', security: [], responses: { '200': { description: 'Up' }, '503': { description: 'Something is down (named)' } } } },
    '/api/notifications': {
      get: { summary: "The caller's 50 newest notifications (mention, comment, approved, changes_requested, assigned) and their unread count", responses: { '200': json({ type: 'object', properties: { unread: { type: 'integer' }, notifications: { type: 'array', items: { type: 'object' } } } }), ...errorResponses } },
    },
    '/api/notifications/read': {
      post: {
        summary: "Mark the caller's notifications read: some by id, or all",
        requestBody: { required: true, ...json({ oneOf: [{ type: 'object', required: ['ids'], properties: { ids: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 200 } } }, { type: 'object', required: ['all'], properties: { all: { const: true } } }] }) },
        responses: { '200': json({ type: 'object', properties: { unread: { type: 'integer' } } }), ...errorResponses },
      },
    },
    '/api/notifications/stream': {
      get: { summary: "Server-sent events: `unread` with the caller's unread count, on connect and at each new notification", responses: { '200': { description: 'text/event-stream' }, ...errorResponses } },
    },
    '/api/users/mentionable': {
      get: { summary: 'Active users (id, name) for @mentions in comments', responses: { '200': json({ type: 'object', properties: { users: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } } } }), ...errorResponses } },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search (English stemming; web-search syntax: "a phrase", or, -word) over article titles and text and annotation passages and rationales, best first, at most 20 of each; matches in snippets are between U+0001 and U+0002',
        parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } }],
        responses: {
          '200': json({
            type: 'object',
            properties: {
              query: { type: 'string' },
              articles: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, outlet: { type: 'string' }, titleMarked: { type: 'string' }, snippet: { type: 'string' } } } },
              annotations: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    article: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } },
                    verdict: { type: ['object', 'null'], properties: { label: { type: 'string' }, color: { type: 'string' } } },
                    status: { enum: ['DRAFT', 'SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED'] },
                    author: { type: 'string' },
                    quote: { type: 'string' },
                    rationale: { type: 'string' },
                  },
                },
              },
            },
          }),
          ...errorResponses,
        },
      },
    },
    '/api/claims/similar': {
      get: {
        summary: 'Claim matching: earlier submitted or approved annotations, in any article, whose passage shares at least half of the words of `text` (stemmed, without stop words), best first, at most 5',
        parameters: [{ name: 'text', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 2000 } }],
        responses: {
          '200': json({
            type: 'object',
            properties: {
              claims: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    annotationId: { type: 'string' },
                    article: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } },
                    exact: { type: 'string' },
                    verdict: { type: 'object', properties: { key: { type: 'string' }, label: { type: 'string' }, color: { type: 'string' } } },
                    status: { enum: ['SUBMITTED', 'APPROVED'] },
                    rationale: { type: 'string' },
                    sources: { type: 'array', items: { type: 'object' } },
                    score: { type: 'number', minimum: 0, maximum: 1, description: 'Dice coefficient of the two passages’ lexemes' },
                    createdAt: { type: 'string', format: 'date-time' },
                  },
                },
              },
            },
          }),
          ...errorResponses,
        },
      },
    },
    '/api/verdicts': {
      get: { summary: 'The verdict scale', responses: { '200': { description: 'Verdicts in order' }, ...errorResponses } },
      post: {
        summary: 'Add a verdict to the scale (admins)',
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['key', 'label', 'color', 'ratingValue', 'requiresSource'],
            properties: { key: { type: 'string' }, label: { type: 'string' }, color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' }, ratingValue: { type: 'integer', minimum: 0, maximum: 5 }, requiresSource: { type: 'boolean' } },
          }),
        },
        responses: { '201': { description: 'Created' }, ...errorResponses },
      },
    },
    '/api/verdicts/{key}': {
      parameters: [idParam('key', 'Verdict key')],
      patch: {
        summary: 'Rename, recolour or re-rate a verdict, or change whether it needs a source (admins)',
        requestBody: { required: true, ...json({ type: 'object', properties: { label: { type: 'string' }, color: { type: 'string' }, ratingValue: { type: 'integer' }, requiresSource: { type: 'boolean' } } }) },
        responses: { '200': { description: 'Updated' }, ...errorResponses },
      },
    },
    '/api/articles/{id}/annotations': {
      parameters: [idParam('id', 'Article id')],
      get: {
        summary: 'Annotations of an article in text order',
        parameters: [{ name: 'view', in: 'query', required: false, description: '`summary`: only what a highlight and a list row need (AnnotationSummary)', schema: { enum: ['full', 'summary'], default: 'full' } }],
        responses: {
          '200': json({ type: 'object', properties: { annotations: { type: 'array', items: { oneOf: [{ $ref: '#/components/schemas/Annotation' }, { $ref: '#/components/schemas/AnnotationSummary' }] } } } }),
          ...errorResponses,
        },
      },
      post: {
        summary: 'Create an annotation (with its sources, in one transaction)',
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Retrying with the same key returns the first result (200) instead of a duplicate', schema: { type: 'string', minLength: 8, maxLength: 128 } }],
        requestBody: { required: true, ...json({ $ref: '#/components/schemas/CreateAnnotation' }) },
        responses: { '201': { description: 'Created' }, '200': { description: 'Already created with this idempotency key' }, ...errorResponses },
      },
    },
    '/api/articles': {
      get: { summary: 'Stored articles', responses: { '200': { description: 'Articles, newest first' }, ...errorResponses } },
      post: {
        summary: 'Create an article (editors, admins) from pasted text or an uploaded .txt, .md, .html or .docx (5 MB)',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['title', 'outlet'],
                properties: {
                  title: { type: 'string' },
                  outlet: { type: 'string' },
                  author: { type: 'string' },
                  url: { type: 'string', format: 'uri' },
                  publishedAt: { type: 'string', format: 'date' },
                  text: { type: 'string' },
                  file: { type: 'string', format: 'binary' },
                },
              },
            },
          },
        },
        responses: { '201': { description: 'Created' }, ...errorResponses },
      },
    },
    '/api/evidence': {
      post: {
        summary: 'Upload an evidence file for a source: a screenshot (PNG, JPEG, WebP, GIF) or a PDF of the page as it was seen, up to 10 MB; the type is checked from the content (422 otherwise, 413 when larger)',
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } },
        },
        responses: { '201': json({ type: 'object', properties: { evidence: { $ref: '#/components/schemas/Evidence' } } }), ...errorResponses },
      },
    },
    '/api/evidence/{id}': {
      parameters: [idParam('id', 'Evidence file id')],
      get: {
        summary: 'The evidence file (its uploader, and whoever may see an annotation one of whose sources cites it; blind review applies)',
        responses: { '200': { description: 'The file, with its media type and a SHA-256 ETag' }, ...errorResponses },
      },
    },
    '/api/articles/{id}/export': {
      parameters: [idParam('id', 'Article id')],
      get: {
        summary: 'Annotated report (editors, admins): pdf, docx, html, md, csv, jsonld (W3C AnnotationCollection) or claimreview (schema.org); audited',
        parameters: [
          { name: 'format', in: 'query', required: true, schema: { enum: ['pdf', 'docx', 'html', 'md', 'csv', 'jsonld', 'claimreview'] } },
          { name: 'approvedOnly', in: 'query', required: false, schema: { type: 'boolean', default: false } },
          { name: 'comments', in: 'query', required: false, schema: { type: 'boolean', default: false } },
        ],
        responses: { '200': { description: 'The file, named <slug>-<date>.<ext>' }, ...errorResponses },
      },
    },
    '/api/articles/{id}/review': {
      parameters: [idParam('id', 'Article id')],
      get: {
        summary:
          "Editors' review overview (editors, admins): every live annotation in text order with sources, status, author and comments; counts by status and verdict; assignments; disagreements (overlapping passages rated differently by different reviewers, side by side); and Krippendorff's alpha (nominal) over passages rated by two or more reviewers",
        responses: {
          '200': json({
            type: 'object',
            properties: {
              overview: {
                type: 'object',
                properties: {
                  article: {
                    type: 'object',
                    properties: { id: { type: 'string' }, title: { type: 'string' }, outlet: { type: 'string' }, summary: { type: ['string', 'null'] }, summaryVerdict: { type: ['object', 'null'] } },
                  },
                  annotations: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/Annotation' }, { type: 'object', properties: { comments: { type: 'array', items: { $ref: '#/components/schemas/Comment' } } } }] } },
                  counts: {
                    type: 'object',
                    properties: { total: { type: 'integer' }, byStatus: { type: 'object' }, byVerdict: { type: 'array', items: { type: 'object' } }, noVerdict: { type: 'integer' } },
                  },
                  assignments: { type: 'object', properties: { assigned: { type: 'array', items: { type: 'object' } }, candidates: { type: 'array', items: { type: 'object' } } } },
                },
              },
              disagreements: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { start: { type: 'integer' }, end: { type: 'integer' }, passage: { type: 'string' }, annotations: { type: 'array', items: { $ref: '#/components/schemas/Annotation' } } },
                },
              },
              agreement: {
                type: 'object',
                properties: {
                  alpha: { type: ['number', 'null'], description: '1 = full agreement, 0 = chance level; null when there is nothing to pair or no variation' },
                  passages: { type: 'integer', description: 'Passages (clusters of overlapping annotations) rated by two or more reviewers' },
                  ratings: { type: 'integer' },
                },
              },
            },
          }),
          ...errorResponses,
        },
      },
    },
    '/api/articles/{id}/review/bulk': {
      parameters: [idParam('id', 'Article id')],
      post: {
        summary: 'Approve or send back several annotations at once (editors, admins); each goes through the review workflow on its own and gets its own result',
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['annotationIds', 'action', 'versions'],
            additionalProperties: false,
            properties: {
              annotationIds: { type: 'array', minItems: 1, maxItems: 200, items: { type: 'string' } },
              action: { enum: ['approve', 'request_changes'] },
              versions: { type: 'object', additionalProperties: { type: 'integer' }, description: 'The version you saw of each annotation, by id (required for every id)' },
            },
          }),
        },
        responses: {
          '200': json({
            type: 'object',
            properties: {
              results: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'ok'],
                  properties: {
                    id: { type: 'string' },
                    ok: { type: 'boolean' },
                    annotation: { $ref: '#/components/schemas/Annotation' },
                    status: { type: 'integer', description: 'When refused: 409 (stale version or status), 403, 404' },
                    error: { type: 'string' },
                    message: { type: 'string' },
                    field: { type: 'string' },
                    current: { $ref: '#/components/schemas/Annotation' },
                  },
                },
              },
              succeeded: { type: 'integer' },
              failed: { type: 'integer' },
            },
          }),
          ...errorResponses,
        },
      },
    },
    '/api/articles/{id}/blind-review': {
      parameters: [idParam('id', 'Article id')],
      put: {
        summary: "Blind double review on or off (editors, admins; audited). While on, a reviewer's reads of the article's annotations leave out others' verdicts, rationales, sources, comments and history on passages they have not submitted their own check of (`blind: true`; the detail routes answer 403), and search and claim matching leave out others' annotations on it",
        requestBody: { required: true, ...json({ type: 'object', required: ['enabled'], additionalProperties: false, properties: { enabled: { type: 'boolean' } } }) },
        responses: { '200': json({ type: 'object', properties: { blindReview: { type: 'boolean' } } }), ...errorResponses },
      },
    },
    '/api/articles/{id}/claim-suggestions': {
      parameters: [idParam('id', 'Article id')],
      get: {
        summary: 'Claim suggestions: the sentences most worth checking (figures, reported speech, quotations, superlatives, comparisons, named sources), best first, at most 10, each with a one-line reason and whether an annotation covers it already',
        responses: {
          '200': json({
            type: 'object',
            properties: {
              suggestions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    start: { type: 'integer', description: 'UTF-16 offset in the article text' },
                    end: { type: 'integer' },
                    text: { type: 'string' },
                    score: { type: 'integer' },
                    reason: { type: 'string' },
                    checked: { type: 'boolean' },
                  },
                },
              },
            },
          }),
          ...errorResponses,
        },
      },
    },
    '/api/articles/{id}/summary': {
      parameters: [idParam('id', 'Article id')],
      put: {
        summary: "Set the editor's overall summary and rating of the article (editors, admins)",
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['summary', 'verdict'],
            additionalProperties: false,
            properties: {
              summary: { type: ['string', 'null'], maxLength: 20000, description: 'Blank is stored as none' },
              verdict: { type: ['string', 'null'], description: 'Verdict key of the overall rating (see GET /api/verdicts), or null' },
            },
          }),
        },
        responses: {
          '200': json({ type: 'object', properties: { summary: { type: ['string', 'null'] }, summaryVerdict: { type: ['object', 'null'], properties: { key: { type: 'string' }, label: { type: 'string' }, color: { type: 'string' } } } } }),
          ...errorResponses,
        },
      },
    },
    '/api/articles/{id}/assignments': {
      parameters: [idParam('id', 'Article id')],
      put: {
        summary: 'Set the reviewers assigned to the article (editors, admins); assigned users see it first in their list',
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['userIds'],
            additionalProperties: false,
            properties: { userIds: { type: 'array', maxItems: 200, items: { type: 'string' }, description: 'Active reviewers and editors; exactly these are assigned afterwards' } },
          }),
        },
        responses: {
          '200': json({ type: 'object', properties: { assigned: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, role: { enum: ['ADMIN', 'EDITOR', 'REVIEWER'] } } } } } }),
          ...errorResponses,
        },
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
    '/api/users': {
      get: {
        summary: 'Users, by name; search and filter (admins)',
        parameters: [
          { name: 'q', in: 'query', required: false, description: 'Part of the name or e-mail (case-insensitive)', schema: { type: 'string', maxLength: 200 } },
          { name: 'role', in: 'query', required: false, schema: { enum: ['ADMIN', 'EDITOR', 'REVIEWER'] } },
          { name: 'active', in: 'query', required: false, schema: { enum: ['true', 'false'] } },
          { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'pageSize', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        ],
        responses: {
          '200': json({ type: 'object', properties: { users: { type: 'array', items: { $ref: '#/components/schemas/User' } }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } }),
          ...errorResponses,
        },
      },
      post: {
        summary: 'Create a user without a password; returns a one-time invitation link (admins; audited)',
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['name', 'email'],
            additionalProperties: false,
            properties: { name: { type: 'string', maxLength: 200 }, email: { type: 'string', format: 'email' }, role: { enum: ['ADMIN', 'EDITOR', 'REVIEWER'], default: 'REVIEWER' } },
          }),
        },
        responses: {
          '201': json({ type: 'object', properties: { user: { $ref: '#/components/schemas/User' }, invitation: { $ref: '#/components/schemas/Invitation' } } }),
          ...errorResponses,
        },
      },
    },
    '/api/users/{id}': {
      parameters: [idParam('id', 'User id')],
      patch: {
        summary: 'Change name, e-mail or role (admins; audited). Demoting the last active admin gets 409',
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            minProperties: 1,
            additionalProperties: false,
            properties: { name: { type: 'string', maxLength: 200 }, email: { type: 'string', format: 'email' }, role: { enum: ['ADMIN', 'EDITOR', 'REVIEWER'] } },
          }),
        },
        responses: { '200': json({ type: 'object', properties: { user: { $ref: '#/components/schemas/User' } } }), ...errorResponses },
      },
    },
    '/api/users/{id}/active': {
      parameters: [idParam('id', 'User id')],
      post: {
        summary: "Deactivate or reactivate (admins; audited). Deactivation ends the user's sessions, tokens and live connections at once; the last active admin gets 409",
        requestBody: { required: true, ...json({ type: 'object', required: ['active'], additionalProperties: false, properties: { active: { type: 'boolean' } } }) },
        responses: { '200': json({ type: 'object', properties: { user: { $ref: '#/components/schemas/User' } } }), ...errorResponses },
      },
    },
    '/api/users/{id}/password-reset': {
      parameters: [idParam('id', 'User id')],
      post: {
        summary: 'Clear the password, require a new one, and return a one-time invitation link to set it (admins; audited)',
        responses: {
          '200': json({ type: 'object', properties: { user: { $ref: '#/components/schemas/User' }, invitation: { $ref: '#/components/schemas/Invitation' } } }),
          ...errorResponses,
        },
      },
    },
    '/api/audit': {
      get: {
        summary: 'The audit log, newest first, a page at a time (admins)',
        parameters: [
          { name: 'actor', in: 'query', required: false, description: 'User id, or part of the actor e-mail or name', schema: { type: 'string' } },
          { name: 'action', in: 'query', required: false, description: 'Exact action, e.g. user.deactivated', schema: { type: 'string' } },
          { name: 'from', in: 'query', required: false, description: 'YYYY-MM-DD (start of that UTC day) or an ISO 8601 date-time', schema: { type: 'string' } },
          { name: 'to', in: 'query', required: false, description: 'YYYY-MM-DD (end of that UTC day, inclusive) or an ISO 8601 date-time', schema: { type: 'string' } },
          { name: 'cursor', in: 'query', required: false, description: '`nextCursor` of the previous page', schema: { type: 'string' } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        ],
        responses: {
          '200': json({ type: 'object', properties: { events: { type: 'array', items: { $ref: '#/components/schemas/AuditEvent' } }, nextCursor: { type: ['string', 'null'] } } }),
          ...errorResponses,
        },
      },
    },
    '/api/tokens': {
      get: { summary: 'Your personal API tokens (never their secrets)', responses: { '200': json({ type: 'object', properties: { tokens: { type: 'array', items: { $ref: '#/components/schemas/ApiToken' } } } }), ...errorResponses } },
      post: {
        summary: 'Create a personal API token; the secret (fcd_…) is in this response only (audited)',
        requestBody: { required: true, ...json({ type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', maxLength: 100 } } }) },
        responses: { '201': json({ type: 'object', properties: { token: { $ref: '#/components/schemas/ApiToken' }, secret: { type: 'string' } } }), ...errorResponses },
      },
    },
    '/api/tokens/{id}': {
      parameters: [idParam('id', 'Token id')],
      delete: { summary: 'Revoke one of your tokens; it gets 401 from then on (audited)', responses: { '204': { description: 'Revoked' }, ...errorResponses } },
    },
    '/api/account/password': {
      post: {
        summary: 'Change your own password: current password required; at least 12 characters, not a common password, not your name or e-mail (audited)',
        requestBody: {
          required: true,
          ...json({ type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false, properties: { currentPassword: { type: 'string' }, newPassword: { type: 'string', minLength: 12 } } }),
        },
        responses: { '204': { description: 'Changed' }, ...errorResponses },
      },
    },
  },
} as const;
