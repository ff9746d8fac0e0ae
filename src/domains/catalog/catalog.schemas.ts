// TypeBox schemas of the catalog API: they validate the shape of input (the services then check
// values against vocabularies and rules), filter output and describe the API in OpenAPI.
import { Type, type TSchema } from 'typebox';
import { CONTACT_ADDRESS_PART_MAX, datasetStatuses, visibilities } from './catalog.model.js';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Str = (description?: string, maxLength = 2000) => Type.String({ maxLength, ...(description ? { description } : {}) });
const Iri = (description: string) => Type.String({ maxLength: 2000, description });
const IriList = (description: string) => Type.Array(Iri(description), { maxItems: 100 });

const LangTextIn = (maxLength: number) =>
  Type.Object({ sv: Type.Optional(nullable(Str(undefined, maxLength))), en: Type.Optional(nullable(Str(undefined, maxLength))) }, { additionalProperties: false });
const LangTextOut = Type.Object({ sv: Type.Optional(Type.String()), en: Type.Optional(Type.String()) });
const LangList = Type.Object(
  { sv: Type.Optional(Type.Array(Str(undefined, 100), { maxItems: 100 })), en: Type.Optional(Type.Array(Str(undefined, 100), { maxItems: 100 })) },
  { additionalProperties: false, description: 'Keywords per language' },
);
const AddressPart = (description: string) => Type.Optional(nullable(Str(description, CONTACT_ADDRESS_PART_MAX)));
const ContactAddress = Type.Object(
  {
    street: AddressPart('vcard:street-address'),
    postalCode: AddressPart('vcard:postal-code'),
    locality: AddressPart('vcard:locality'),
    country: AddressPart('vcard:country-name'),
  },
  { additionalProperties: false, description: `vcard:hasAddress: a postal address, each part at most ${CONTACT_ADDRESS_PART_MAX} characters; null or all parts empty means none` },
);
const ContactPoint = Type.Object(
  {
    kind: Type.Optional(Type.Enum(['organization', 'individual'])),
    name: Str('vcard:fn', 200),
    email: Str('vcard:hasEmail', 254),
    phone: Type.Optional(Str(undefined, 40)),
    url: Type.Optional(Str()),
    address: Type.Optional(nullable(ContactAddress)),
  },
  { additionalProperties: false, description: 'dcat:contactPoint' },
);
const Period = Type.Object({ start: Type.Optional(Type.String({ description: 'ISO date' })), end: Type.Optional(Type.String({ description: 'ISO date' })) }, { additionalProperties: false });
const Visibility = Type.Enum([...visibilities]);
const Status = Type.Enum([...datasetStatuses]);

/** Metadata fields of a dataset as input: every one optional, null clears. */
const datasetFieldsIn = {
  title: LangTextIn(500),
  description: LangTextIn(20_000),
  keywords: nullable(LangList),
  themes: nullable(IriList('EU data theme IRI or code (e.g. EDUC)')),
  contactPoint: nullable(ContactPoint),
  issued: nullable(Str('ISO date', 40)),
  modified: nullable(Str('ISO date', 40)),
  temporal: nullable(Type.Array(Period, { maxItems: 100 })),
  spatial: nullable(IriList('Place IRI')),
  accrualPeriodicity: nullable(Iri('EU frequency IRI or code (e.g. ANNUAL)')),
  accessRights: nullable(Iri('EU access-right IRI or code (PUBLIC, RESTRICTED, NON_PUBLIC)')),
  conformsTo: nullable(IriList('Standard or schema URL')),
  landingPage: nullable(Iri('Landing page URL')),
  documentation: nullable(IriList('Documentation URL')),
  languages: nullable(IriList('EU language IRI or code (e.g. SWE)')),
  version: nullable(Str(undefined, 100)),
  versionNotes: nullable(LangTextIn(20_000)),
  identifier: nullable(Str(undefined, 500)),
  series: nullable(Str('Dataset series id or slug', 200)),
  hvdCategories: nullable(IriList('HVD category IRI')),
  applicableLegislation: nullable(IriList('ELI IRI; HVD datasets name http://data.europa.eu/eli/reg_impl/2023/138/oj')),
};

const common = {
  slug: Type.Optional(Type.String({ maxLength: 100, description: 'a–z, 0–9 and hyphens; made from title.sv when left out' })),
  visibility: Type.Optional(Visibility),
  hvd: Type.Optional(Type.Boolean({ description: 'A high-value dataset (Implementing Regulation (EU) 2023/138)' })),
};

function optionalAll<T extends Record<string, TSchema>>(fields: T) {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof T]: ReturnType<typeof Type.Optional<T[K]>> };
}

export const CreateDatasetBody = Type.Object(
  { organization: Str('Organisation id or slug', 200), ...common, ...optionalAll(datasetFieldsIn), title: LangTextIn(500) },
  { additionalProperties: false },
);
export const UpdateDatasetBody = Type.Object({ ...common, ...optionalAll(datasetFieldsIn) }, { additionalProperties: false });

const distributionFieldsIn = {
  title: LangTextIn(500),
  description: LangTextIn(20_000),
  accessUrl: nullable(Iri('dcat:accessURL')),
  downloadUrl: nullable(Iri('dcat:downloadURL')),
  format: nullable(Iri('EU file-type IRI or code (e.g. CSV)')),
  mediaType: nullable(Str('IANA media type', 200)),
  license: nullable(Iri('Licence URI in any common spelling; stored canonical')),
  byteSize: nullable(Type.Integer({ minimum: 0 })),
  checksum: nullable(Type.Object({ algorithm: Type.Literal('sha256'), value: Type.String({ maxLength: 64 }) }, { additionalProperties: false })),
  status: nullable(Iri('EU distribution-status IRI or code (e.g. COMPLETED)')),
  availability: nullable(Iri('EU planned-availability IRI or code (e.g. STABLE)')),
  conformsTo: nullable(IriList('Schema URL')),
  rights: nullable(LangTextIn(20_000)),
  languages: nullable(IriList('EU language IRI or code')),
  documentation: nullable(IriList('Documentation URL')),
  accessServices: nullable(Type.Array(Str('Data service id or slug', 200), { maxItems: 100 })),
};
export const DistributionBody = Type.Object(optionalAll(distributionFieldsIn), { additionalProperties: false });

const dataServiceFieldsIn = {
  title: LangTextIn(500),
  description: LangTextIn(20_000),
  endpointUrls: nullable(IriList('dcat:endpointURL')),
  endpointDescriptions: nullable(IriList('dcat:endpointDescription, e.g. an OpenAPI document')),
  servesDatasets: nullable(Type.Array(Str('Dataset id or slug', 200), { maxItems: 1000 })),
  formats: nullable(IriList('What the API answers in: EU file-type IRI, code (JSON) or media type (application/json)')),
  license: nullable(Iri('Licence URI')),
  accessRights: nullable(Iri('EU access-right IRI or code')),
  contactPoint: nullable(ContactPoint),
  keywords: nullable(LangList),
  themes: nullable(IriList('EU data theme')),
  documentation: nullable(IriList('Documentation URL')),
  landingPage: nullable(Iri('Landing page URL')),
  conformsTo: nullable(IriList('Standard URL')),
  hvdCategories: nullable(IriList('HVD category IRI')),
  applicableLegislation: nullable(IriList('ELI IRI')),
};
export const CreateDataServiceBody = Type.Object(
  { organization: Str('Organisation id or slug', 200), ...common, ...optionalAll(dataServiceFieldsIn), title: LangTextIn(500) },
  { additionalProperties: false },
);
export const UpdateDataServiceBody = Type.Object({ ...common, ...optionalAll(dataServiceFieldsIn) }, { additionalProperties: false });

const seriesFieldsIn = {
  title: LangTextIn(500),
  description: LangTextIn(20_000),
  contactPoint: nullable(ContactPoint),
  keywords: nullable(LangList),
  themes: nullable(IriList('EU data theme')),
  accrualPeriodicity: nullable(Iri('EU frequency')),
  temporal: nullable(Type.Array(Period, { maxItems: 100 })),
  spatial: nullable(IriList('Place IRI')),
  issued: nullable(Str('ISO date', 40)),
  modified: nullable(Str('ISO date', 40)),
  landingPage: nullable(Iri('Landing page URL')),
  documentation: nullable(IriList('Documentation URL')),
  conformsTo: nullable(IriList('Standard URL')),
  hvdCategories: nullable(IriList('HVD category IRI')),
  applicableLegislation: nullable(IriList('ELI IRI')),
};
export const CreateSeriesBody = Type.Object(
  { organization: Str('Organisation id or slug', 200), slug: common.slug, ...optionalAll(seriesFieldsIn), title: LangTextIn(500) },
  { additionalProperties: false },
);
export const UpdateSeriesBody = Type.Object({ slug: common.slug, ...optionalAll(seriesFieldsIn) }, { additionalProperties: false });

export const PublishBody = Type.Object(
  {
    noSecrecy: Type.Boolean({ description: 'No content is covered by secrecy (offentlighets- och sekretesslagen)' }),
    personalDataAssessed: Type.Boolean({ description: 'Personal data has been assessed (GDPR)' }),
    noThirdPartyRights: Type.Boolean({ description: 'No third-party rights are infringed' }),
    authorized: Type.Boolean({ description: 'The publisher is authorised to publish for the organisation' }),
  },
  { additionalProperties: false },
);

export const IdOrSlugParams = Type.Object({ idOrSlug: Type.String({ maxLength: 200 }) });
export const DistributionParams = Type.Object({ idOrSlug: Type.String({ maxLength: 200 }), distributionId: Type.String({ maxLength: 100 }) });
export const RevisionParams = Type.Object({ idOrSlug: Type.String({ maxLength: 200 }), revision: Type.Integer({ minimum: 1 }) });

export const ListQuery = Type.Object({
  organization: Type.Optional(Type.String({ maxLength: 200, description: 'Organisation id or slug' })),
  status: Type.Optional(Status),
  hvd: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Enum(['title', 'modified', 'newest'])),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

/** Output: permissive objects (every field the presenter writes is documented by the input schemas). */
const Readiness = Type.Object({
  canPublish: Type.Boolean(),
  missing: Type.Array(Type.Object({ field: Type.String(), property: Type.String(), message: Type.String() })),
  suggestions: Type.Array(Type.Object({ field: Type.String(), property: Type.String(), message: Type.String() })),
  hvdChecklist: Type.Optional(Type.Array(Type.Object({ rule: Type.String(), ok: Type.Boolean(), message: Type.String() }))),
});

const resourceOut = {
  id: Type.String(),
  slug: Type.String(),
  url: Type.String({ description: 'The page (absolute URL)' }),
  organization: Type.Object({ id: Type.String(), slug: Type.String(), name: Type.Object({ sv: Type.String(), en: nullable(Type.String()) }) }),
  status: Status,
  visibility: Visibility,
  hvd: Type.Boolean(),
  revision: Type.Integer({ description: 'Increases with every change; the ETag is "<id>.<revision>"' }),
  title: LangTextOut,
  description: LangTextOut,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  publishedAt: nullable(Type.String({ format: 'date-time' })),
};
const open = { additionalProperties: true };
const Ref = Type.Object({ id: Type.String(), slug: Type.String(), title: LangTextOut });

export const DistributionSchema = Type.Object(
  {
    id: Type.String(),
    title: LangTextOut,
    description: LangTextOut,
    accessUrl: Type.Optional(Type.String()),
    downloadUrl: Type.Optional(Type.String()),
    format: Type.Optional(Type.String()),
    mediaType: Type.Optional(Type.String()),
    license: Type.Optional(Type.String()),
    isOpen: Type.Boolean({ description: 'The licence gives open data (Open Definition)' }),
    byteSize: Type.Optional(Type.Integer()),
    checksum: Type.Optional(Type.Object({ algorithm: Type.Literal('sha256'), value: Type.String() })),
    file: nullable(Type.Object({ name: Type.String(), mediaType: Type.String() })),
    previewUrl: nullable(Type.String()),
  },
  open,
);

export const DatasetSchema = Type.Object({ ...resourceOut, isOpen: Type.Boolean(), distributions: Type.Array(DistributionSchema), series: Type.Optional(nullable(Ref)), dataServices: Type.Optional(Type.Array(Ref)), readiness: Type.Optional(Readiness) }, open);
export const DatasetListSchema = Type.Object({ total: Type.Integer(), items: Type.Array(DatasetSchema) });
export const DataServiceSchema = Type.Object({ ...resourceOut, isOpen: Type.Boolean(), servesDatasets: Type.Optional(Type.Array(Ref)), readiness: Type.Optional(Readiness) }, open);
export const DataServiceListSchema = Type.Object({ total: Type.Integer(), items: Type.Array(DataServiceSchema) });
export const SeriesSchema = Type.Object({ ...resourceOut, datasets: Type.Optional(Type.Array(Ref)), readiness: Type.Optional(Readiness) }, open);
export const SeriesListSchema = Type.Object({ total: Type.Integer(), items: Type.Array(SeriesSchema) });

export const HistorySchema = Type.Object({
  items: Type.Array(
    Type.Object({
      revision: Type.Integer(),
      action: Type.String(),
      actor: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
      at: Type.String({ format: 'date-time' }),
      changes: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
    }),
  ),
});

export const PreviewSchema = Type.Object(
  {
    kind: Type.Enum(['table', 'unsupported']),
    columns: Type.Optional(Type.Array(Type.String())),
    rows: Type.Optional(Type.Array(Type.Array(Type.String()))),
    delimiter: Type.Optional(Type.String()),
    encoding: Type.Optional(Type.String()),
    truncated: Type.Optional(Type.Boolean()),
    reason: Type.Optional(Type.String()),
  },
  open,
);

export const ConceptSchema = Type.Object({ iri: Type.String(), code: Type.String(), label: Type.Object({ sv: Type.String(), en: Type.String() }), deprecated: Type.Optional(Type.Boolean()) }, open);
export const LicenceSchema = Type.Object({
  iri: Type.String(),
  code: Type.String(),
  short: Type.String(),
  label: Type.Object({ sv: Type.String(), en: Type.String() }),
  isOpen: Type.Boolean(),
  atLeastCcBy4: Type.Boolean({ description: 'At least as permissive as CC BY 4.0 (the HVD rule)' }),
  recommended: Type.Boolean(),
});
