// TypeBox schemas of the search API: validate the query string (unknown parameters, a bad sort or a
// limit out of range are a 400 naming the field) and describe the answer in OpenAPI.
import { Type } from 'typebox';
import { searchSorts } from './search.model.js';

const Values = (description: string) =>
  Type.Array(Type.String({ maxLength: 300 }), { maxItems: 50, description: `${description} (repeat the parameter for several: OR within a facet, AND across facets)` });

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 500, description: 'Words (AND-ed), "a phrase", OR, -word, prefix*' })),
    organization: Type.Optional(Values('Organisation slug')),
    organizationType: Type.Optional(Values('Organisation type: state_agency, municipality, region, state_company, other')),
    theme: Type.Optional(Values('EU data theme code, e.g. ECON')),
    format: Type.Optional(Values('EU file type code, e.g. CSV')),
    license: Type.Optional(Values('Licence code, e.g. CC_BY_4_0')),
    open: Type.Optional(Values('open or notOpen')),
    hvd: Type.Optional(Values('HVD category code')),
    keyword: Type.Optional(Values('Keyword (lower case)')),
    accessRights: Type.Optional(Values('EU access right code, e.g. PUBLIC')),
    sort: Type.Optional(Type.Enum([...searchSorts], { description: 'relevance (default), title, modified or newest' })),
    lang: Type.Optional(Type.Enum(['sv', 'en'], { description: 'Language of snippets and facet labels (default sv)' })),
    limit: Type.Integer({ minimum: 0, maximum: 100, default: 20 }),
    offset: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
  },
  { additionalProperties: false },
);

const LangTextOut = Type.Object({ sv: Type.Optional(Type.String()), en: Type.Optional(Type.String()) });
const FacetList = Type.Array(Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() }));

export const SearchAnswer = Type.Object({
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      slug: Type.String(),
      url: Type.String(),
      title: LangTextOut,
      snippet: Type.String({ description: 'HTML: the description (in lang, else the other language) escaped, matches in <mark>' }),
      snippetLanguage: Type.String(),
      organization: Type.Object({ slug: Type.String(), name: LangTextOut }),
      status: Type.String(),
      visibility: Type.String(),
      hvd: Type.Boolean(),
      isOpen: Type.Boolean(),
      formats: Type.Array(Type.String()),
      modified: Type.String(),
      score: Type.Number(),
    }),
  ),
  facets: Type.Object({
    organization: FacetList,
    organizationType: FacetList,
    theme: FacetList,
    format: FacetList,
    license: FacetList,
    open: FacetList,
    hvd: FacetList,
    keyword: FacetList,
    accessRights: FacetList,
  }),
});

export const SuggestQuery = Type.Object(
  { q: Type.String({ maxLength: 200 }), lang: Type.Optional(Type.Enum(['sv', 'en'])), limit: Type.Integer({ minimum: 1, maximum: 20, default: 8 }) },
  { additionalProperties: false },
);

export const SuggestAnswer = Type.Object({ items: Type.Array(Type.String()) });
