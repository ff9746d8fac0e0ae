// POST /api/v1/validate: checks DCAT-AP-SE metadata against DCAT-AP 3.0.1 (base and code-list
// shapes), DCAT-AP HVD and DCAT-AP-SE 3.0.1, and answers what is wrong in words a publisher
// understands, in the request's language (Accept-Language sv or en; English by default).
// The body is RDF (Content-Type names the syntax) or JSON { "url": "…" } naming a document to fetch.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { UnsupportedMediaTypeError, ValidationError } from '../../platform/errors.js';
import { FetchError } from '../../platform/fetch/index.js';
import type { Locale } from '../../platform/i18n/index.js';
import { translator } from '../../platform/i18n/index.js';
import { RdfParseError } from './rdf-parse.js';
import { fetchDocument } from './remote-document.js';
import { RDF_FORMATS, formatOfMediaType, rdfFormats } from './serializers/index.js';
import type { ValidationResult } from './validation/validate.js';

export interface ValidateApiDeps {
  validateText: (input: { text: string; contentType?: string | undefined; fileName?: string | undefined }, locale: Locale) => Promise<ValidationResult>;
  fetchAllowPrivate: readonly string[];
}

/** RDF documents up to this size are validated (SHACL on larger graphs takes too long for a request). */
export const VALIDATE_MAX_BYTES = 10 * 1024 * 1024;

const Issue = Type.Object({
  severity: Type.Union([Type.Literal('violation'), Type.Literal('warning'), Type.Literal('info')]),
  source: Type.String({ description: 'dcat-ap, dcat-ap-codelists, dcat-ap-hvd or dcat-ap-se' }),
  focusNode: Type.String(),
  resourceType: Type.Union([Type.String(), Type.Null()]),
  resourceTitle: Type.Union([Type.String(), Type.Null()]),
  path: Type.Union([Type.String(), Type.Null()]),
  propertyLabel: Type.Union([Type.String(), Type.Null()]),
  value: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
  hint: Type.String(),
});

const Result = Type.Object({
  conforms: Type.Boolean({ description: 'True when nothing is an error; warnings and suggestions (info) do not count.' }),
  violations: Type.Array(Issue),
  counts: Type.Object({ violation: Type.Integer(), warning: Type.Integer(), info: Type.Integer() }),
});

/** sv when the client ranks Swedish above English, else en (the API's language). */
export function localeOf(request: FastifyRequest): Locale {
  let best: { locale: Locale; q: number } | undefined;
  for (const part of (request.headers['accept-language'] ?? '').split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
    const locale = tag?.startsWith('sv') ? 'sv' : tag?.startsWith('en') ? 'en' : undefined;
    if (locale && q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? 'en';
}

export function validateApi(deps: ValidateApiDeps) {
  return async function routes(instance: FastifyInstance): Promise<void> {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();
    const rdfTypes = rdfFormats.map((f) => RDF_FORMATS[f].contentType);
    app.addContentTypeParser(rdfTypes, { parseAs: 'string', bodyLimit: VALIDATE_MAX_BYTES }, (_request, body, done) => done(null, body));

    app.post(
      '/api/v1/validate',
      {
        bodyLimit: VALIDATE_MAX_BYTES,
        schema: {
          summary: 'Validate DCAT-AP-SE metadata (RDF in the body, or { url } to fetch)',
          description:
            'Checks the document against the DCAT-AP 3.0.1 SHACL shapes (base and controlled vocabularies), DCAT-AP HVD 3.0.0 for high-value resources, and DCAT-AP-SE 3.0.1. Send RDF as text/turtle, application/rdf+xml, application/ld+json or application/n-triples, or JSON { "url": "https://…" }. Messages are in Swedish or English after Accept-Language (default English).',
          tags: ['validation'],
          body: Type.Unknown(),
          response: { 200: Result },
        },
      },
      async (request) => {
        const locale = localeOf(request);
        const contentType = request.headers['content-type'];
        let input: { text: string; contentType?: string | undefined; fileName?: string | undefined };
        if (formatOfMediaType(contentType)) {
          input = { text: String(request.body ?? ''), contentType };
        } else if (contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json') {
          const url = (request.body as { url?: unknown } | null)?.url;
          if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) throw new ValidationError({ url: ['Give the http(s) URL of an RDF document.'] });
          try {
            input = await fetchDocument(url, { allowPrivate: deps.fetchAllowPrivate, maxBytes: VALIDATE_MAX_BYTES });
          } catch (error) {
            if (error instanceof FetchError) throw new ValidationError({ url: [translator(locale)('dcat.fetch.failed', { detail: error.message })] });
            throw error;
          }
        } else {
          throw new UnsupportedMediaTypeError(`Send RDF (${rdfTypes.join(', ')}) or application/json { "url": … }.`);
        }
        try {
          return await deps.validateText(input, locale);
        } catch (error) {
          if (error instanceof RdfParseError) throw new ValidationError({ body: [translator(locale)('dcat.parse.failed', { detail: error.message })] }, 'The document could not be read as RDF.');
          throw error;
        }
      },
    );
  };
}
