// The complete message catalogs: the parts merged per language. Each part has an English twin
// typed to the same keys; a test checks that no key is defined in two parts.
import { accountsEn } from './accounts.en.js';
import { accountsSv } from './accounts.sv.js';
import { catalogPagesEn } from './catalog-pages.en.js';
import { catalogPagesSv } from './catalog-pages.sv.js';
import { catalogEn } from './catalog.en.js';
import { catalogSv } from './catalog.sv.js';
import { dcatEn } from './dcat.en.js';
import { dcatSv } from './dcat.sv.js';
import { dcatImportEn } from './dcat-import.en.js';
import { dcatImportSv } from './dcat-import.sv.js';
import { eventsEn } from './events.en.js';
import { eventsSv } from './events.sv.js';
import { en as coreEn } from './en.js';
import { formsEn } from './forms.en.js';
import { harvestEn } from './harvest.en.js';
import { harvestSv } from './harvest.sv.js';
import { formsSv } from './forms.sv.js';
import { organizationsEn } from './organizations.en.js';
import { organizationsSv } from './organizations.sv.js';
import { sv as coreSv } from './sv.js';
import { searchEn } from './search.en.js';
import { searchSv } from './search.sv.js';

export const catalogParts = {
  sv: [coreSv, formsSv, accountsSv, organizationsSv, catalogSv, catalogPagesSv, dcatSv, dcatImportSv, searchSv, eventsSv, harvestSv],
  en: [coreEn, formsEn, accountsEn, organizationsEn, catalogEn, catalogPagesEn, dcatEn, dcatImportEn, searchEn, eventsEn, harvestEn],
} as const;

const svCatalog = { ...coreSv, ...formsSv, ...accountsSv, ...organizationsSv, ...catalogSv, ...catalogPagesSv, ...dcatSv, ...dcatImportSv, ...searchSv, ...eventsSv, ...harvestSv };

export type MessageKey = keyof typeof svCatalog;
export type Messages = Record<MessageKey, string>;

export const catalogs: { sv: Messages; en: Messages } = {
  sv: svCatalog,
  en: { ...coreEn, ...formsEn, ...accountsEn, ...organizationsEn, ...catalogEn, ...catalogPagesEn, ...dcatEn, ...dcatImportEn, ...searchEn, ...eventsEn, ...harvestEn },
};
