// The catalog pages' forms ⇄ the services' input. Field names follow the API's paths ('title.sv',
// 'contactPoint.email', 'temporal.0.start'), so a service's problem lands next to its field.
// Multi-valued fields are repeated checkboxes or selects (themes, languages) or one value a line
// (URL lists); keywords are comma-separated. An edit form sends every field, so an empty field
// clears the stored value; a new resource simply has nothing there.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, PreconditionFailedError } from '../../platform/errors.js';
import { formFromError } from '../../platform/http/pages.js';
import type { FormState } from '../../platform/views/forms.js';
import type { DataServiceInput, DatasetInput, DistributionInput, SeriesInput } from './catalog.input.js';
import { contactAddressParts, type ContactAddress, type ContactPoint, type LangText, type PeriodOfTime } from './catalog.model.js';
import { resolveLicence } from './licences.js';

/** A parsed form body: url-encoded bodies repeat a key for each checked box or selected option. */
export type FormBody = Record<string, string | string[]>;

/** The form shown again after a failed submit; `stale` when someone else saved in between (412). */
export interface CatalogFormState extends FormState {
  stale?: boolean;
}

/** The value that marks "another licence" in the licence picker (its URL is in `licenseOther`). */
export const OTHER_LICENCE = 'other';

export function bodyOf(request: FastifyRequest): FormBody {
  const out: FormBody = {};
  for (const [key, value] of Object.entries((request.body as Record<string, unknown>) ?? {})) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return compactPeriods(out);
}

const one = (body: FormBody, name: string): string => {
  const value = body[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};
const many = (body: FormBody, name: string): string[] => {
  const value = body[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter(Boolean);
};
/** One URL a line (or separated by spaces: URLs contain none). */
const lines = (body: FormBody, name: string): string[] => one(body, name).split(/\s+/).filter(Boolean);
const words = (body: FormBody, name: string): string[] => one(body, name).split(/[,\n]/).map((w) => w.trim()).filter(Boolean);
const optional = (body: FormBody, name: string): string | null => one(body, name).trim() || null;
const langText = (body: FormBody, name: string): LangText => ({ sv: one(body, `${name}.sv`), en: one(body, `${name}.en`) });

/** The values to show in the form again: arrays as lines, the CSRF token left out. */
export function valuesOf(body: FormBody): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (key !== '_csrf') values[key] = Array.isArray(value) ? value.join('\n') : value;
  return values;
}

/** Period rows (temporal.N.start/end) renumbered without empty rows, so problems match the rows shown. */
export function compactPeriods(body: FormBody): FormBody {
  const indexes = [...new Set(Object.keys(body).map((k) => /^temporal\.(\d+)\.(start|end)$/.exec(k)?.[1]).filter((i): i is string => i !== undefined))].sort((a, b) => Number(a) - Number(b));
  const out: FormBody = Object.fromEntries(Object.entries(body).filter(([k]) => !k.startsWith('temporal.')));
  let n = 0;
  for (const index of indexes) {
    const start = one(body, `temporal.${index}.start`).trim();
    const end = one(body, `temporal.${index}.end`).trim();
    if (!start && !end) continue;
    out[`temporal.${n}.start`] = start;
    out[`temporal.${n}.end`] = end;
    n += 1;
  }
  return out;
}

function periods(body: FormBody): PeriodOfTime[] {
  const out: PeriodOfTime[] = [];
  for (let i = 0; `temporal.${i}.start` in body || `temporal.${i}.end` in body; i++) {
    out.push({ start: one(body, `temporal.${i}.start`).trim() || undefined, end: one(body, `temporal.${i}.end`).trim() || undefined } as PeriodOfTime);
  }
  return out;
}

/** The contact point, or null when every part is empty (its postal address by part: contactPoint.address.street …). */
function contactPoint(body: FormBody): ContactPoint | null {
  const [name, email, phone, url] = ['name', 'email', 'phone', 'url'].map((p) => one(body, `contactPoint.${p}`).trim());
  const address: ContactAddress = {};
  for (const part of contactAddressParts) {
    const text = one(body, `contactPoint.address.${part}`).trim();
    if (text) address[part] = text;
  }
  const hasAddress = Object.keys(address).length > 0;
  if (!name && !email && !phone && !url && !hasAddress) return null;
  const kind = one(body, 'contactPoint.kind') === 'individual' ? 'individual' : 'organization';
  return { kind, name: name!, email: email!, ...(phone ? { phone } : {}), ...(url ? { url } : {}), ...(hasAddress ? { address } : {}) };
}

function licence(body: FormBody): string | null {
  const chosen = one(body, 'license').trim();
  if (chosen === OTHER_LICENCE) return one(body, 'licenseOther').trim() || OTHER_LICENCE;
  return chosen || null;
}

/** What datasets, data services and series share. */
function common(body: FormBody) {
  const slug = one(body, 'slug').trim();
  return {
    title: langText(body, 'title'),
    description: langText(body, 'description'),
    keywords: { sv: words(body, 'keywords.sv'), en: words(body, 'keywords.en') },
    themes: many(body, 'themes'),
    contactPoint: contactPoint(body),
    landingPage: optional(body, 'landingPage'),
    documentation: lines(body, 'documentation'),
    conformsTo: lines(body, 'conformsTo'),
    hvdCategories: many(body, 'hvdCategories'),
    applicableLegislation: lines(body, 'applicableLegislation'),
    ...(slug ? { slug } : {}),
    ...(one(body, 'organization') ? { organization: one(body, 'organization') } : {}),
  };
}

export function datasetInputOfForm(body: FormBody): DatasetInput {
  return {
    ...common(body),
    issued: optional(body, 'issued'),
    modified: optional(body, 'modified'),
    temporal: periods(body),
    spatial: lines(body, 'spatial'),
    accrualPeriodicity: optional(body, 'accrualPeriodicity'),
    accessRights: optional(body, 'accessRights'),
    languages: many(body, 'languages'),
    version: optional(body, 'version'),
    versionNotes: langText(body, 'versionNotes'),
    identifier: optional(body, 'identifier'),
    seriesId: optional(body, 'seriesId'),
    visibility: one(body, 'visibility') === 'private' ? 'private' : 'public',
    hvd: one(body, 'hvd') === 'on',
  };
}

export function dataServiceInputOfForm(body: FormBody): DataServiceInput {
  const { landingPage, ...rest } = common(body);
  return {
    ...rest,
    landingPage,
    endpointUrls: lines(body, 'endpointUrls'),
    endpointDescriptions: lines(body, 'endpointDescriptions'),
    servesDatasetIds: many(body, 'servesDatasetIds'),
    formats: many(body, 'formats'),
    license: licence(body),
    accessRights: optional(body, 'accessRights'),
    visibility: one(body, 'visibility') === 'private' ? 'private' : 'public',
    hvd: one(body, 'hvd') === 'on',
  };
}

/** The series editor is lighter: it leaves the HVD fields as they are. */
export function seriesInputOfForm(body: FormBody): SeriesInput {
  const { hvdCategories: _categories, applicableLegislation: _legislation, ...rest } = common(body);
  return {
    ...rest,
    issued: optional(body, 'issued'),
    modified: optional(body, 'modified'),
    temporal: periods(body),
    spatial: lines(body, 'spatial'),
    accrualPeriodicity: optional(body, 'accrualPeriodicity'),
  };
}

/** A distribution's fields (an uploaded file sets byteSize, checksum and the file itself). */
export function distributionInputOfForm(body: FormBody): DistributionInput {
  return {
    title: langText(body, 'title'),
    description: langText(body, 'description'),
    accessUrl: optional(body, 'accessUrl'),
    downloadUrl: optional(body, 'downloadUrl'),
    format: optional(body, 'format'),
    mediaType: optional(body, 'mediaType'),
    license: licence(body),
    status: optional(body, 'status'),
    availability: optional(body, 'availability'),
    rights: langText(body, 'rights'),
    conformsTo: lines(body, 'conformsTo'),
  };
}

/** The picker's value for a stored licence: a known licence's IRI, or "other" with the URL. */
export function licenceFormValues(license: string | undefined): Record<string, string> {
  if (!license) return { license: '' };
  const known = resolveLicence(license);
  return known ? { license: known.iri } : { license: OTHER_LICENCE, licenseOther: license };
}

/**
 * Stored metadata → form values: language-tagged text as name.sv/name.en, keywords comma-separated,
 * other lists one a line, the contact point and periods by part.
 */
export function metadataFormValues(metadata: object): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value === undefined || value === null) continue;
    if (key === 'contactPoint') {
      const { address, ...parts } = value as ContactPoint;
      for (const [part, text] of Object.entries(parts)) values[`contactPoint.${part}`] = String(text);
      for (const [part, text] of Object.entries(address ?? {})) values[`contactPoint.address.${part}`] = String(text);
    } else if (key === 'temporal') {
      (value as PeriodOfTime[]).forEach((p, i) => {
        values[`temporal.${i}.start`] = p.start ?? '';
        values[`temporal.${i}.end`] = p.end ?? '';
      });
    } else if (key === 'license') {
      Object.assign(values, licenceFormValues(value as string));
    } else if (Array.isArray(value)) {
      values[key] = value.map(String).join('\n');
    } else if (typeof value === 'object') {
      for (const [lang, text] of Object.entries(value as Record<string, unknown>)) values[`${key}.${lang}`] = Array.isArray(text) ? text.join(', ') : String(text ?? '');
    } else {
      values[key] = String(value);
    }
  }
  return values;
}

/**
 * The form after a failed submit, with what was entered: 400/409 with the service's field problems
 * (formFromError), 413 for a file over the limit, 412 (stale) when the resource changed meanwhile.
 * Anything else goes on to the error handler.
 */
export function formAfterError(error: unknown, request: FastifyRequest, reply: FastifyReply, body: FormBody): CatalogFormState {
  const values = valuesOf(body);
  if (error instanceof PreconditionFailedError) {
    reply.code(412);
    return { values, errors: {}, stale: true };
  }
  const tooLarge = (error instanceof AppError && error.status === 413) || (error as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE';
  if (tooLarge) {
    reply.code(413);
    return { values, errors: (error instanceof AppError && error.details) || { file: ['validation.fileTooLarge'] } };
  }
  return { values, errors: formFromError(error, request, reply).errors };
}
