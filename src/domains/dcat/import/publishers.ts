// Publishers (foaf:Agent, blank or not) → organisations. An organisation is found by its
// organisation number (dataportal.se's http://dataportal.se/organisation/SE<orgnr>, the agent's
// dct:identifier or owl:sameAs), else by the publisher IRI or name an earlier import remembered,
// else created from the agent's name, type, ADMS publisher type, homepage and number — and remembered.
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.js';
import { ConflictError } from '../../../platform/errors.js';
import { isHttpUrl } from '../../../platform/validation.js';
import { byCode, findConcept } from '../../catalog/index.js';
import { impliedPublisherTypes, isPublisherType, organizationTypes, parseOrgNumber, type OrganizationService, type OrganizationType, type PublisherType } from '../../organizations/index.js';
import { NS } from '../namespaces.js';
import { importRepository } from './import.repository.js';
import type { ImportTables } from './import.table.js';
import type { RdfGraph } from './rdf-graph.js';
import type { Term } from './rdf-parse.js';

export interface PublisherInfo {
  /** 'org:<digits>', 'iri:<IRI>' or 'name:<lower-cased name>'. */
  key: string;
  /** Keys to remember the organisation under (IRI and name), besides the organisation number. */
  aliases: string[];
  orgNumber: string | undefined;
  name: { sv?: string; en?: string };
  type: OrganizationType;
  /**
   * The source's ADMS publisher type when the organisation type does not already imply it (e.g.
   * NonProfitOrganisation, which only "other" can hold): kept on an organisation created for it.
   */
  publisherType?: PublisherType | undefined;
  homepage: string | undefined;
  /** A slug the source suggests (an Allmänning organisation page IRI). */
  slugHint: string | undefined;
}

const DATAPORTAL = /^https?:\/\/(?:www\.)?dataportal\.se\/organisation\/SE(\d{10})(?:-[\w-]+)?\/?$/i;
const ORG_PAGE = /\/organizations\/([a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?)\/?$/;
/** ADMS publisher type code → the organisation type that implies it (the inverse of impliedPublisherTypes). */
const ORGANIZATION_TYPES: ReadonlyMap<string, OrganizationType> = new Map(
  organizationTypes.flatMap((type) => {
    const code = impliedPublisherTypes[type];
    return code ? [[code, type] as const] : [];
  }),
);

/**
 * The ADMS publisher type a dct:type names: its IRI in any common spelling, else an IRI ending in
 * one of its codes (copies of the vocabulary under other hosts).
 */
function publisherTypeCode(values: Term[]): PublisherType | undefined {
  for (const term of values) {
    if (term.type !== 'iri') continue;
    const code = (findConcept('publisherType', term.value) ?? byCode('publisherType', term.value.replace(/\/+$/, '').split('/').pop() ?? ''))?.code;
    if (isPublisherType(code)) return code;
  }
  return undefined;
}

function orgNumberIn(value: string): string | undefined {
  const fromIri = DATAPORTAL.exec(value.trim())?.[1];
  if (fromIri) return parseOrgNumber(fromIri);
  const text = value.trim().replace(/^SE/i, '').replace(/^(\d{10})01$/, '$1');
  return /^\d{6}-?\d{4}$/.test(text) ? parseOrgNumber(text) : undefined;
}

/** A publisher IRI that names its organisation number: no description is needed to find it. */
export const identifiedByIri = (iri: string): boolean => orgNumberIn(iri) !== undefined;

/** What the source says about a publisher. */
export function publisherInfo(graph: RdfGraph, term: Term): PublisherInfo | undefined {
  if (term.type === 'literal') {
    const name = term.value.trim();
    return name ? { key: `name:${name.toLowerCase()}`, aliases: [], orgNumber: undefined, name: { sv: name }, type: 'other', homepage: undefined, slugHint: undefined } : undefined;
  }
  const id = term.value;
  const values = (predicate: string) => graph.values(id, predicate);
  const names = [`${NS.foaf}name`, `${NS.vcard}fn`, `${NS.skos}prefLabel`, `${NS.rdfs}label`].flatMap(values).filter((t) => t.type === 'literal' && t.value.trim());
  const name: PublisherInfo['name'] = {};
  for (const t of names) {
    if (t.type !== 'literal') continue;
    const lang = t.lang.startsWith('en') ? 'en' : t.lang === '' || t.lang.startsWith('sv') ? 'sv' : undefined;
    if (lang && !name[lang]) name[lang] = t.value.trim();
  }
  if (!name.sv && !name.en && names[0]) name.sv = names[0].value.trim();
  const blank = id.startsWith('_:');
  const candidates = [...(blank ? [] : [id]), ...[`${NS.dct}identifier`, 'http://purl.org/dc/elements/1.1/identifier', `${NS.owl}sameAs`, `${NS.adms}identifier`].flatMap(values).map((t) => t.value)];
  const orgNumber = candidates.map(orgNumberIn).find(Boolean);
  const adms = publisherTypeCode(values(`${NS.dct}type`));
  const type = (adms && ORGANIZATION_TYPES.get(adms)) ?? 'other';
  const publisherType = adms && !ORGANIZATION_TYPES.has(adms) ? adms : undefined;
  const homepage = values(`${NS.foaf}homepage`).find((t) => t.type === 'iri' && isHttpUrl(t.value))?.value;
  const slugHint = [...(blank ? [] : [id]), ...values(`${NS.owl}sameAs`).map((t) => t.value)].map((v) => ORG_PAGE.exec(v)?.[1]).find(Boolean);
  const nameKey = name.sv ?? name.en;
  const aliases = [...(blank ? [] : [`iri:${id}`]), ...(nameKey && blank ? [`name:${nameKey.toLowerCase()}`] : [])];
  const key = orgNumber ? `org:${orgNumber}` : aliases[0];
  if (!key) return undefined;
  return { key, aliases, orgNumber, name, type, ...(publisherType ? { publisherType } : {}), homepage, slugHint };
}

const RESERVED = new Set(['new', 'edit', 'members', 'logo', 'api', 'admin', 'en', 'sv']);

/** A slug for a new organisation, as the organisations domain makes them (a–z, 0–9, single hyphens). */
export function organizationSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug.length >= 2 && !RESERVED.has(slug) && !/^[0-9a-f]{8}-/.test(slug) ? slug : `org-${slug || 'utgivare'}`.slice(0, 50).replace(/-+$/, '');
}

export interface PublisherResolution {
  organizationId: string;
  created: boolean;
}

/** Finds or creates the organisation of each publisher once per run (cached by key). */
export function publisherResolver(deps: { db: Kysely<ImportTables>; clock: Clock; organizations: OrganizationService }) {
  const cache = new Map<string, Promise<PublisherResolution>>();

  async function byOrgNumber(digits: string): Promise<string | undefined> {
    const { items } = await deps.organizations.list({ q: digits, limit: 10, offset: 0 });
    return items.find((org) => org.org_number === digits)?.id;
  }

  async function create(info: PublisherInfo): Promise<string> {
    const sv = info.name.sv ?? info.name.en ?? info.key.replace(/^(iri|name|org):/, '');
    const base = info.slugHint ?? organizationSlug(sv);
    for (let n = 1; n < 100; n++) {
      const slug = n === 1 ? base : `${base.slice(0, 45)}-${n}`;
      try {
        const row = await deps.organizations.createAsOperator({
          slug,
          name: { sv: sv.slice(0, 200), ...(info.name.en && info.name.en !== sv ? { en: info.name.en.slice(0, 200) } : {}) },
          orgNumber: info.orgNumber,
          type: info.type,
          ...(info.publisherType ? { publisherType: info.publisherType } : {}),
          ...(info.homepage && info.homepage.length <= 500 ? { website: info.homepage } : {}),
        });
        return row.id;
      } catch (error) {
        if (error instanceof ConflictError && error.code === 'slug_taken') continue;
        if (error instanceof ConflictError && info.orgNumber) {
          const found = await byOrgNumber(info.orgNumber);
          if (found) return found;
        }
        throw error;
      }
    }
    throw new Error(`no free slug for the organisation ${sv}`);
  }

  async function resolve(info: PublisherInfo): Promise<PublisherResolution> {
    let organizationId = info.orgNumber ? await byOrgNumber(info.orgNumber) : undefined;
    for (const key of info.aliases) {
      if (organizationId) break;
      const remembered = await importRepository.publisherOrganization(deps.db, key);
      // The organisation may have been deleted since (the row then went with it).
      if (remembered) organizationId = remembered;
    }
    let created = false;
    if (!organizationId) {
      organizationId = await create(info);
      created = true;
    }
    const nowIso = deps.clock.now().toISOString();
    for (const key of info.aliases) await importRepository.rememberPublisher(deps.db, key, organizationId, nowIso);
    return { organizationId, created };
  }

  return (info: PublisherInfo): Promise<PublisherResolution> => {
    let pending = cache.get(info.key);
    if (!pending) {
      pending = resolve(info);
      cache.set(info.key, pending);
      pending.catch(() => cache.delete(info.key));
    }
    return pending;
  };
}
