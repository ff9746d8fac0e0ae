// Creates every domain from the shared deps, once per deps object. Domains are plain factories;
// this is the only place that knows how they depend on each other.
import type { Kysely } from 'kysely';
import type { AppDeps } from './deps.js';
import { createAccountsDomain, type AccountsDomain, type AccountsTables } from './domains/accounts/index.js';
import { createCkanDomain, type CkanDomain } from './domains/ckan/index.js';
import { createCatalogDomain, type CatalogDomain, type CatalogTables, type DatasetValidator } from './domains/catalog/index.js';
import { createDcatImportDomain, type DcatImportDomain, type ImportTables } from './domains/dcat/import/index.js';
import { createDcatDomain, type DcatDomain } from './domains/dcat/index.js';
import { createHarvestDomain, type HarvestDomain, type HarvestTables } from './domains/harvest/index.js';
import { createEventsDomain, type EventsDomain, type EventsTables } from './domains/events/index.js';
import { createSearchDomain, type SearchDomain, type SearchTables } from './domains/search/index.js';
import { createOrganizationsDomain, organizationPages, type OrganizationsDomain, type OrganizationsTables } from './domains/organizations/index.js';
import { createLocalFileStorage } from './platform/storage/index.js';
import { resolveSecretKey } from './platform/secret-key.js';
import path from 'node:path';

export interface Domains {
  accounts: AccountsDomain;
  organizations: OrganizationsDomain;
  catalog: CatalogDomain;
  dcat: DcatDomain;
  dcatImport: DcatImportDomain;
  events: EventsDomain;
  search: SearchDomain;
  ckan: CkanDomain;
  harvest: HarvestDomain;
}

const created = new WeakMap<AppDeps, Domains>();

type OrganizationSections = NonNullable<Parameters<typeof organizationPages>[0]['sections']>;

export function domainsOf(deps: AppDeps): Domains {
  const existing = created.get(deps);
  if (existing) return existing;
  // One connection serves every domain's tables; each domain sees the table set it declares.
  const db = deps.db as unknown as Kysely<OrganizationsTables>;
  const accountsDb = deps.db as unknown as Kysely<AccountsTables>;
  const accounts = createAccountsDomain({ db: accountsDb, clock: deps.clock, mailer: deps.mailer, events: deps.events, personalData: deps.personalData, config: deps.config });
  const organizationsCore = createOrganizationsDomain({ db, clock: deps.clock, events: deps.events, accounts, config: deps.config });
  // The organisation page shows the catalog's datasets and APIs, but organisations cannot import the
  // catalog (it depends on them): their pages get a section provider bound once the catalog exists.
  // The editor's DCAT-AP-SE check comes from the DCAT domain, which depends on the catalog: bound late too.
  const late: { sections?: OrganizationSections; validateDataset?: DatasetValidator; harvestedFrom?: (sourceId: string) => Promise<string | undefined> } = {};
  const organizations: OrganizationsDomain = {
    ...organizationsCore,
    pages: organizationPages({ organizations: organizationsCore.organizations, members: organizationsCore.members, sections: (id, actor, ctx) => late.sections?.(id, actor, ctx) ?? Promise.resolve(null) }),
  };
  const catalog = createCatalogDomain({
    db: deps.db as unknown as Kysely<CatalogTables>,
    clock: deps.clock,
    events: deps.events,
    accounts,
    organizations,
    files: createLocalFileStorage(path.join(deps.config.dataDir, 'files')),
    config: { baseUrl: deps.config.baseUrl, uploadMaxBytes: deps.config.uploadMaxBytes },
    validateDataset: (view, locale) => late.validateDataset?.(view, locale) ?? Promise.resolve(undefined),
    // Harvested resources are read-only: the harvest domain (below) knows which sources are harvested.
    harvestedFrom: (sourceId) => late.harvestedFrom?.(sourceId) ?? Promise.resolve(undefined),
  });
  late.sections = catalog.organizationSection;
  const dcat = createDcatDomain({ catalog, config: { baseUrl: deps.config.baseUrl, fetchAllowPrivate: deps.config.fetchAllowPrivate, catalogPublisher: deps.config.catalogPublisher } });
  late.validateDataset = dcat.validateDataset;
  const dcatImport = createDcatImportDomain({ db: deps.db as unknown as Kysely<ImportTables>, clock: deps.clock, events: deps.events, log: deps.log, organizations: organizations.organizations, config: deps.config });
  const harvest = createHarvestDomain({
    db: deps.db as unknown as Kysely<HarvestTables>,
    clock: deps.clock,
    events: deps.events,
    log: deps.log,
    catalog: catalog.catalog,
    organizations: organizations.organizations,
    importDcat: (request) => dcatImport.service.run(request),
    config: deps.config,
  });
  late.harvestedFrom = harvest.harvestedFrom;
  const search = createSearchDomain({
    db: deps.db as unknown as Kysely<SearchTables>,
    clock: deps.clock,
    dialect: deps.database.dialect,
    config: { baseUrl: deps.config.baseUrl },
    ...(deps.config.searchIndex === 'auto' ? {} : { backend: deps.config.searchIndex }),
  });
  // Workshops: their e-mailed private links are keyed with the site's secret key (see events/links.ts).
  const events = createEventsDomain({
    db: deps.db as unknown as Kysely<EventsTables>,
    dialect: deps.database.dialect,
    clock: deps.clock,
    events: deps.events,
    mailer: deps.mailer,
    log: deps.log,
    organizations,
    files: createLocalFileStorage(path.join(deps.config.dataDir, 'files')),
    linkKey: resolveSecretKey(deps.config.secretKey, deps.database.sqliteFile ? deps.config.dataDir : undefined),
    config: {
      baseUrl: deps.config.baseUrl,
      mailFrom: deps.config.mailFrom,
      reminderDays: deps.config.eventReminderDays,
      retentionDays: deps.config.eventRetentionDays,
      privacyController: deps.config.privacyController,
      privacyContact: deps.config.privacyContact ?? (/<([^>]+)>/.exec(deps.config.mailFrom)?.[1] ?? deps.config.mailFrom),
      slidesMaxBytes: deps.config.uploadMaxBytes,
    },
  });
  // The CKAN Action API reads and writes through the catalog, the search and the organisations.
  const ckan = createCkanDomain({ catalog, search, organizations, bodyLimit: deps.config.bodyLimitBytes, config: { baseUrl: deps.config.baseUrl, siteTitle: 'Allmänning' } });
  const domains = { events, accounts, organizations, catalog, dcat, dcatImport, search, ckan, harvest };
  created.set(deps, domains);
  return domains;
}
