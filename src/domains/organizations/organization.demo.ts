// Demo organisations for `allmanning demo`: real Swedish public bodies with their real
// organisation numbers (each passes the check in org-number.ts), fixed ids and dates so the demo
// is deterministic, and written only when missing so running it again changes nothing.
import type { Kysely } from 'kysely';
import { organizationRepository, type OrganizationWrite } from './organization.repository.js';
import type { OrganizationsTables } from './organizations.table.js';

const AT = '2026-11-28T00:00:00.000Z';

function org(id: string, fields: Omit<OrganizationWrite, 'id' | 'logo_key' | 'created_at' | 'updated_at' | 'contact_email' | 'publisher_type'>): OrganizationWrite {
  return { id, ...fields, publisher_type: null, contact_email: null, logo_key: null, created_at: AT, updated_at: AT };
}

export const demoOrganizations: OrganizationWrite[] = [
  org('01900000-0000-7000-8000-000000000101', {
    slug: 'digg',
    name_sv: 'Myndigheten för digital förvaltning',
    name_en: 'Agency for Digital Government',
    org_number: '2021006883',
    type: 'state_agency',
    website: 'https://www.digg.se',
    description_sv: 'Digg samordnar och stödjer den offentliga förvaltningens digitalisering och ansvarar för **dataportal.se**.',
    description_en: 'Digg coordinates and supports the digitalisation of public administration and runs **dataportal.se**.',
  }),
  org('01900000-0000-7000-8000-000000000102', {
    slug: 'lantmateriet',
    name_sv: 'Lantmäteriet',
    name_en: 'Lantmäteriet – the Swedish mapping, cadastral and land registration authority',
    org_number: '2021004888',
    type: 'state_agency',
    website: 'https://www.lantmateriet.se',
    description_sv: 'Kartor, flygbilder, höjddata och fastighetsinformation. Många av våra geodata är öppna.',
    description_en: 'Maps, aerial images, elevation data and property information. Much of our geodata is open.',
  }),
  org('01900000-0000-7000-8000-000000000103', {
    slug: 'scb',
    name_sv: 'Statistiska centralbyrån',
    name_en: 'Statistics Sweden',
    org_number: '2021000837',
    type: 'state_agency',
    website: 'https://www.scb.se',
    description_sv: 'Officiell statistik om Sveriges befolkning, ekonomi och miljö.',
    description_en: "Official statistics on Sweden's population, economy and environment.",
  }),
  org('01900000-0000-7000-8000-000000000104', {
    slug: 'stockholms-stad',
    name_sv: 'Stockholms stad',
    name_en: 'City of Stockholm',
    org_number: '2120000142',
    type: 'municipality',
    website: 'https://start.stockholm',
    description_sv: 'Öppna data om trafik, miljö, skola och stadsplanering i Stockholm.',
    description_en: 'Open data on traffic, environment, schools and city planning in Stockholm.',
  }),
  org('01900000-0000-7000-8000-000000000105', {
    slug: 'goteborgs-stad',
    name_sv: 'Göteborgs Stad',
    name_en: 'City of Gothenburg',
    org_number: '2120001355',
    type: 'municipality',
    website: 'https://goteborg.se',
    description_sv: null,
    description_en: null,
  }),
  org('01900000-0000-7000-8000-000000000106', {
    slug: 'region-stockholm',
    name_sv: 'Region Stockholm',
    name_en: null,
    org_number: '2321000016',
    type: 'region',
    website: 'https://www.regionstockholm.se',
    description_sv: 'Hälso- och sjukvård och kollektivtrafik i Stockholms län.',
    description_en: null,
  }),
  org('01900000-0000-7000-8000-000000000107', {
    slug: 'systembolaget',
    name_sv: 'Systembolaget AB',
    name_en: null,
    org_number: '5560599473',
    type: 'state_company',
    website: 'https://www.systembolaget.se',
    description_sv: null,
    description_en: null,
  }),
];

/** Writes the demo organisations that are missing (by id, slug or organisation number). */
export async function seedDemoOrganizations(db: Kysely<OrganizationsTables>): Promise<{ created: number; existing: number }> {
  let created = 0;
  let existing = 0;
  for (const row of demoOrganizations) {
    const present =
      (await organizationRepository.findById(db, row.id)) ||
      (await organizationRepository.slugTaken(db, row.slug)) ||
      (row.org_number && (await organizationRepository.orgNumberTaken(db, row.org_number)));
    if (present) existing++;
    else {
      await organizationRepository.insert(db, row);
      created++;
    }
  }
  return { created, existing };
}
