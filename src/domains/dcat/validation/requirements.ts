// DCAT-AP-SE 3.0.1 as rules, read from the vendored requirements file (flattened from the official
// RDForms bundle): per class, the properties with their level, cardinality, node type, datatypes
// and closed value lists. Templates for the same property are merged (one property, one rule);
// alternative groups (dct:format, licence "CC or other") become one group rule whose level is the
// group's. Also the Swedish and English label of every property, for messages.
import requirements from './shapes/dcat-ap-se-3.0.1/dcat-ap-se-3.0.1-requirements.json' with { type: 'json' };

interface Template {
  property: string;
  min: number;
  max: number | null;
  nodetype: string | null;
  label_sv: string;
  label_en: string;
  level: string;
  choices?: { value: string }[];
  alternativeGroup?: string;
  groupLevel?: string;
  datatype?: string | string[];
  condition?: string;
}

interface ClassEntry {
  rdfType: string | string[];
  properties: Template[];
}

export type Level = 'mandatory' | 'recommended' | 'optional' | 'conditional';

export interface PropertyRule {
  property: string;
  level: Level;
  min: number;
  max: number | null;
  /** RDForms node types the values may have (LANGUAGE_LITERAL, URI, RESOURCE, …); empty: any. */
  nodetypes: Set<string>;
  /** The allowed values, or null when the list is open. */
  choices: Set<string> | null;
  datatypes: string[] | null;
  /** Part of an alternative group: only presence is checked (see docs/dcat.md). */
  group: boolean;
}

export interface ClassRules {
  key: string;
  types: string[];
  rules: PropertyRule[];
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const LEVELS: Level[] = ['optional', 'recommended', 'conditional', 'mandatory'];
const stronger = (a: Level, b: Level): Level => (LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b);
const asLevel = (value: string | undefined): Level => (LEVELS.includes(value as Level) ? (value as Level) : 'optional');
const expand = (datatype: string) => (datatype.startsWith('xsd:') ? XSD + datatype.slice(4) : datatype);

function merge(templates: Template[], group: boolean): PropertyRule {
  const first = templates[0]!;
  let level: Level = 'optional';
  for (const t of templates) level = stronger(level, asLevel(group ? t.groupLevel : t.level));
  const open = templates.some((t) => !t.choices?.length);
  const typed = templates.filter((t) => t.nodetype === 'DATATYPE_LITERAL');
  return {
    property: first.property,
    level,
    min: group ? (level === 'mandatory' ? 1 : 0) : Math.max(...templates.map((t) => t.min)),
    max: group || templates.some((t) => t.max === null) ? null : Math.max(...templates.map((t) => t.max ?? 0)),
    nodetypes: new Set(templates.flatMap((t) => (t.nodetype ? [t.nodetype] : []))),
    choices: open ? null : new Set(templates.flatMap((t) => t.choices!.map((c) => c.value))),
    datatypes: typed.length && typed.every((t) => t.datatype) ? typed.flatMap((t) => [t.datatype!].flat().map(expand)) : null,
    group,
  };
}

function rulesOf(entry: ClassEntry): PropertyRule[] {
  const byKey = new Map<string, Template[]>();
  for (const t of entry.properties) {
    const key = t.alternativeGroup ? `group:${t.alternativeGroup}` : `property:${t.property}`;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(t);
  }
  return [...byKey.entries()].map(([key, templates]) => merge(templates, key.startsWith('group:')));
}

const classes = requirements.classes as unknown as Record<string, ClassEntry>;

export const CLASS_RULES: ClassRules[] = Object.entries(classes).map(([key, entry]) => ({ key, types: [entry.rdfType].flat(), rules: rulesOf(entry) }));

/** The class key ('dcat:Dataset' …) a node with these rdf:types belongs to, per rule set. */
export function classesOf(types: readonly string[]): ClassRules[] {
  return CLASS_RULES.filter((c) => c.types.some((t) => types.includes(t)));
}

/** Labels of the properties DCAT-AP-SE groups under a shared name (the groups' own labels). */
const GROUP_LABELS: Record<string, { sv: string; en: string }> = {
  'http://purl.org/dc/terms/format': { sv: 'Format', en: 'Format' },
  'http://purl.org/dc/terms/license': { sv: 'Licens', en: 'Licence' },
};

/** Labels DCAT-AP-SE does not give (properties outside the Swedish profile's forms). */
const EXTRA_LABELS: Record<string, { sv: string; en: string }> = {
  'http://www.w3.org/ns/dcat#mediaType': { sv: 'Medietyp', en: 'Media type' },
  'http://spdx.org/rdf/terms#algorithm': { sv: 'Kontrollsummans algoritm', en: 'Checksum algorithm' },
  'http://spdx.org/rdf/terms#checksumValue': { sv: 'Kontrollsummans värde', en: 'Checksum value' },
  'http://www.w3.org/ns/dcat#startDate': { sv: 'Startdatum', en: 'Start date' },
  'http://www.w3.org/ns/dcat#endDate': { sv: 'Slutdatum', en: 'End date' },
  'http://www.w3.org/ns/dcat#compressFormat': { sv: 'Komprimeringsformat', en: 'Compression format' },
  'http://www.w3.org/ns/dcat#packageFormat': { sv: 'Paketeringsformat', en: 'Packaging format' },
  'http://www.w3.org/2004/02/skos/core#prefLabel': { sv: 'Benämning', en: 'Preferred label' },
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#type': { sv: 'Typ', en: 'Type' },
};

/** The property's label in the locale: the one its class uses in DCAT-AP-SE, else any. */
export function propertyLabel(property: string, locale: 'sv' | 'en', classKeys: readonly string[] = []): string | undefined {
  if (GROUP_LABELS[property]) return GROUP_LABELS[property][locale];
  const pick = (t: Template) => (locale === 'sv' ? t.label_sv : t.label_en);
  for (const key of classKeys) {
    const template = classes[key]?.properties.find((t) => t.property === property);
    if (template) return pick(template);
  }
  for (const entry of Object.values(classes)) {
    const template = entry.properties.find((t) => t.property === property);
    if (template) return pick(template);
  }
  return EXTRA_LABELS[property]?.[locale];
}
