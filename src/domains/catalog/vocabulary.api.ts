// /api/v1/vocabularies and /api/v1/licences: the controlled values the catalog accepts, labelled in
// Swedish and English, so clients can build the same pickers as the editor.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { NotFoundError } from '../../platform/errors.js';
import { ConceptSchema, LicenceSchema } from './catalog.schemas.js';
import { RECOMMENDED_LICENCE_CODES, licencePickerOptions } from './licences.js';
import { SCHEME_NAMES, concepts, schemeIri, type SchemeName } from './vocabularies/index.js';

const tags = ['vocabularies'];

export function vocabularyRoutes() {
  return async function routes(instance: FastifyInstance): Promise<void> {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();
    const cache = 'public, max-age=3600';

    app.get(
      '/api/v1/vocabularies',
      { schema: { summary: 'The controlled vocabularies (name and scheme IRI)', tags, response: { 200: Type.Object({ items: Type.Array(Type.Object({ name: Type.String(), scheme: Type.String() })) }) } } },
      async (_request, reply) => {
        reply.header('cache-control', cache);
        return { items: SCHEME_NAMES.map((name) => ({ name, scheme: schemeIri(name) })) };
      },
    );

    app.get(
      '/api/v1/vocabularies/:name',
      {
        schema: {
          summary: 'Every concept of one vocabulary (dataTheme, fileType, frequency, language, accessRight, distributionStatus, plannedAvailability, hvdCategory, licence, publisherType)',
          tags,
          params: Type.Object({ name: Type.String({ maxLength: 50 }) }),
          response: { 200: Type.Object({ name: Type.String(), scheme: Type.String(), items: Type.Array(ConceptSchema) }) },
        },
      },
      async (request, reply) => {
        const name = request.params.name as SchemeName;
        if (!SCHEME_NAMES.includes(name)) throw new NotFoundError('No such vocabulary.');
        reply.header('cache-control', cache);
        return { name, scheme: schemeIri(name), items: [...concepts(name)] };
      },
    );

    app.get(
      '/api/v1/licences',
      { schema: { summary: 'Licences in picker order (CC0 1.0, CC BY 4.0 and PDM first), with isOpen and the HVD rule', tags, response: { 200: Type.Object({ items: Type.Array(LicenceSchema) }) } } },
      async (_request, reply) => {
        reply.header('cache-control', cache);
        return {
          items: licencePickerOptions('sv').map((l) => ({
            iri: l.iri,
            code: l.code,
            short: l.short,
            label: l.label,
            isOpen: l.open,
            atLeastCcBy4: l.atLeastCcBy4,
            recommended: (RECOMMENDED_LICENCE_CODES as readonly string[]).includes(l.code),
          })),
        };
      },
    );
  };
}
