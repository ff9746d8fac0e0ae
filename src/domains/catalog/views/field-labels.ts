// Labels for field paths (as services name them in problems, readiness and history), per kind of
// resource, in the page's language.
import type { PageContext } from '../../../platform/views/index.js';
import { CONFIRMATIONS } from '../resource.engine.js';
import { contactLabels } from './components/contact-point.js';
import { temporalLabels } from './components/temporal-fields.js';

function shared(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    organization: t('catalogUi.field.organization'),
    slug: t('catalogUi.field.slug'),
    title: t('catalogUi.field.title'),
    'title.sv': t('catalogUi.field.titleSv'),
    'title.en': t('catalogUi.field.titleEn'),
    description: t('catalogUi.field.description'),
    'description.sv': t('catalogUi.field.descriptionSv'),
    'description.en': t('catalogUi.field.descriptionEn'),
    keywords: t('catalogUi.field.keywords'),
    'keywords.sv': t('catalogUi.field.keywordsSv'),
    'keywords.en': t('catalogUi.field.keywordsEn'),
    themes: t('catalogUi.field.themes'),
    landingPage: t('catalogUi.field.landingPage'),
    documentation: t('catalogUi.field.documentation'),
    conformsTo: t('catalogUi.field.conformsTo'),
    hvd: t('catalogUi.field.hvd'),
    hvdCategories: t('catalogUi.field.hvdCategories'),
    applicableLegislation: t('catalogUi.field.applicableLegislation'),
    visibility: t('catalogUi.field.visibility'),
    status: t('catalogUi.field.status'),
    deleted: t('catalogUi.field.deleted'),
    accessRights: t('catalogUi.field.accessRights'),
    accrualPeriodicity: t('catalogUi.field.accrualPeriodicity'),
    issued: t('catalogUi.field.issued'),
    modified: t('catalogUi.field.modified'),
    spatial: t('catalogUi.field.spatial'),
    temporal: t('catalogUi.field.temporal'),
    ...contactLabels(ctx),
    'hvd.category': t('catalogUi.hvdRule.category'),
    'hvd.legislation': t('catalogUi.hvdRule.legislation'),
    'hvd.licence': t('catalogUi.hvdRule.licence'),
    'hvd.bulkDownload': t('catalogUi.hvdRule.bulkDownload'),
    'hvd.api': t('catalogUi.hvdRule.api'),
    'hvd.contactPoint': t('catalogUi.hvdRule.contactPoint'),
    ...Object.fromEntries(CONFIRMATIONS.map((key) => [`confirmation.${key}`, t(`catalogUi.confirm.${key}.short`)])),
  };
}

export function distributionFieldLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    'title.sv': t('catalogUi.field.titleSv'),
    'title.en': t('catalogUi.field.titleEn'),
    'description.sv': t('catalogUi.field.descriptionSv'),
    'description.en': t('catalogUi.field.descriptionEn'),
    title: t('catalogUi.field.title'),
    description: t('catalogUi.field.description'),
    file: t('catalogUi.distribution.file'),
    accessUrl: t('catalogUi.distribution.accessUrl'),
    downloadUrl: t('catalogUi.distribution.downloadUrl'),
    format: t('catalogUi.distribution.format'),
    mediaType: t('catalogUi.distribution.mediaType'),
    license: t('catalog.licence.field'),
    licenseOther: t('catalogUi.licence.otherUrl'),
    status: t('catalogUi.distribution.status'),
    availability: t('catalogUi.distribution.availability'),
    'rights.sv': t('catalogUi.distribution.rightsSv'),
    'rights.en': t('catalogUi.distribution.rightsEn'),
    rights: t('catalogUi.distribution.rights'),
    conformsTo: t('catalogUi.field.conformsTo'),
    byteSize: t('catalogUi.distribution.byteSize'),
    checksum: t('catalogUi.distribution.checksum'),
    languages: t('catalogUi.field.languages'),
    metadata: t('catalogUi.distribution.metadata'),
  };
}

export function datasetFieldLabels(ctx: PageContext, values: Record<string, string | undefined> = {}): Record<string, string> {
  const { t } = ctx;
  const distribution = Object.fromEntries(Object.entries(distributionFieldLabels(ctx)).map(([k, v]) => [`distribution.${k}`, v]));
  return {
    ...shared(ctx),
    ...temporalLabels(ctx, values),
    ...distribution,
    languages: t('catalogUi.field.languages'),
    version: t('catalogUi.field.version'),
    versionNotes: t('catalogUi.field.versionNotes'),
    'versionNotes.sv': t('catalogUi.field.versionNotesSv'),
    'versionNotes.en': t('catalogUi.field.versionNotesEn'),
    identifier: t('catalogUi.field.identifier'),
    seriesId: t('catalogUi.field.series'),
    distributions: t('catalogUi.distributions.heading'),
  };
}

export function dataServiceFieldLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    ...shared(ctx),
    endpointUrls: t('catalogUi.field.endpointUrls'),
    endpointDescriptions: t('catalogUi.field.endpointDescriptions'),
    servesDatasetIds: t('catalogUi.field.servesDatasets'),
    formats: t('catalogUi.field.serviceFormats'),
    license: t('catalog.licence.field'),
    licenseOther: t('catalogUi.licence.otherUrl'),
  };
}

export function seriesFieldLabels(ctx: PageContext, values: Record<string, string | undefined> = {}): Record<string, string> {
  return { ...shared(ctx), ...temporalLabels(ctx, values) };
}
