// One dataset, data service or series of the graph → catalog input (the fields of DatasetInput,
// DataServiceInput, SeriesInput and DistributionInput), with a note of every value that was changed
// on the way in and every value that could not be kept, and why. Language-tagged text keeps Swedish
// and English (regional tags like en-GB count as English; untagged text is taken as Swedish, and a
// field that has only other languages keeps the first as Swedish, noted). Pure: reads the graph.
import { CONTACT_ADDRESS_PART_MAX, type ContactAddress, type ContactPoint, type LangText, type PeriodOfTime } from '../../catalog/index.js';
import { isEmail } from '../../../platform/validation.js';
import { NS } from '../namespaces.js';
import { ADDRESS_PROPERTIES, ALIASES, CONTACT_PROPERTIES, RULES, shortName, type Rule } from './mapping-rules.js';
import { normalizeByteSize, normalizeConcept, normalizeDate, normalizeFormat, normalizeLicence, normalizeMediaType, normalizeUrl, type DropReason, type Outcome } from './normalize-values.js';
import type { RdfGraph, RootKind } from './rdf-graph.js';
import type { Term } from './rdf-parse.js';

export interface Normalised {
  property: string;
  from: string;
  to: string;
}
export interface Dropped {
  property: string;
  value: string;
  reason: DropReason;
}
export interface Notes {
  normalised: Normalised[];
  dropped: Dropped[];
}

export interface MappedDistribution {
  /** Its IRI in the source, undefined for a blank node. */
  iri: string | undefined;
  input: Record<string, unknown>;
}

export interface MappedResource {
  kind: RootKind;
  /** The node in the graph: its IRI, or '_:…'. */
  node: string;
  iri: string | undefined;
  identifier: string | undefined;
  input: Record<string, unknown>;
  distributions: MappedDistribution[];
  /** The publisher node ('_:…', an IRI, or a name given as text). */
  publisher: Term | undefined;
  notes: Notes;
}

const LIST_MAX = 100;
const KEYWORD_MAX = 100;

/** How a term reads in the report: <iri>, "text"@lang, [blank node]. */
export function display(term: Term): string {
  if (term.type === 'iri') return `<${term.value}>`;
  if (term.type === 'bnode') return '[ ]';
  const text = term.value.length > 120 ? `${term.value.slice(0, 117)}…` : term.value;
  if (term.lang) return `"${text}"@${term.lang}`;
  return term.datatype === `${NS.xsd}string` ? `"${text}"` : `"${text}"^^${shortName(term.datatype)}`;
}

const isBlank = (id: string) => id.startsWith('_:');

export class ResourceMapper {
  constructor(private readonly graph: RdfGraph) {}

  map(kind: RootKind, node: string): MappedResource {
    const notes: Notes = { normalised: [], dropped: [] };
    const input: Record<string, unknown> = {};
    this.apply(RULES[kind], node, input, notes, '');
    const distributions: MappedDistribution[] = [];
    let publisher: Term | undefined;
    if (kind === 'dataset') {
      for (const term of this.graph.values(node, `${NS.dcat}distribution`)) {
        if (term.type === 'literal') {
          notes.dropped.push({ property: 'dcat:distribution', value: display(term), reason: 'no_value' });
          continue;
        }
        distributions.push(this.distribution(term.value, notes, distributions.length));
      }
    }
    for (const term of this.graph.values(node, `${NS.dct}publisher`)) {
      if (!publisher) publisher = term;
      else notes.dropped.push({ property: 'dct:publisher', value: display(term), reason: 'only_one' });
    }
    const identifier = typeof input.identifier === 'string' ? input.identifier : this.literal(node, `${NS.dct}identifier`);
    return { kind, node, iri: isBlank(node) ? undefined : node, identifier, input, distributions, publisher, notes };
  }

  private distribution(id: string, notes: Notes, index: number): MappedDistribution {
    const input: Record<string, unknown> = {};
    this.apply(RULES.distribution, id, input, notes, `dcat:distribution[${index + 1}]/`);
    // DCAT-AP: accessURL is mandatory; a direct download is a way to access the data too.
    if (!input.accessUrl && typeof input.downloadUrl === 'string') {
      input.accessUrl = input.downloadUrl;
      notes.normalised.push({ property: `dcat:distribution[${index + 1}]/dcat:accessURL`, from: '(none)', to: `<${input.downloadUrl}> (dcat:downloadURL)` });
    }
    return { iri: isBlank(id) ? undefined : id, input };
  }

  private literal(node: string, predicate: string): string | undefined {
    return this.graph.values(node, predicate).find((t) => t.type === 'literal' && t.value.trim())?.value.trim();
  }

  /** Maps every property of `node` by `rules` into `input`; what has no rule is dropped. */
  private apply(rules: Record<string, Rule>, node: string, input: Record<string, unknown>, notes: Notes, prefix: string): void {
    const owner = this.graph.nodes.get(node);
    if (!owner) return;
    const grouped = new Map<string, { rule: Rule; property: string; terms: Term[] }>();
    for (const [predicate, terms] of owner.props) {
      const canonical = ALIASES[predicate] ?? predicate;
      const rule = rules[canonical];
      const property = `${prefix}${shortName(canonical)}`;
      if (!rule) {
        for (const term of terms) notes.dropped.push({ property: `${prefix}${shortName(predicate)}`, value: display(term), reason: 'not_in_model' });
        continue;
      }
      if (rule.kind === 'skip') continue;
      if (canonical !== predicate) notes.normalised.push({ property, from: shortName(predicate), to: shortName(canonical) });
      const entry = grouped.get(rule.field);
      if (entry) entry.terms.push(...terms);
      else grouped.set(rule.field, { rule, property, terms: [...terms] });
    }
    for (const { rule, property, terms } of grouped.values()) {
      if (rule.kind === 'skip') continue;
      const value = this.value(rule, terms, property, notes);
      if (value !== undefined) input[rule.field] = value;
    }
  }

  private value(rule: Exclude<Rule, { kind: 'skip' }>, terms: Term[], property: string, notes: Notes): unknown {
    const dropTerm = (term: Term, reason: DropReason) => notes.dropped.push({ property, value: display(term), reason });
    /** Keeps the outcomes of `each` (one or many), noting changes and drops. */
    const collect = <T>(each: (term: Term) => Outcome<T> | undefined, many: boolean | undefined): T | T[] | undefined => {
      const out: T[] = [];
      for (const term of terms) {
        const outcome = each(term);
        if (!outcome) continue;
        if ('drop' in outcome) dropTerm(term, outcome.drop);
        else if (!many && out.length) dropTerm(term, 'only_one');
        else if (many && out.length >= LIST_MAX) dropTerm(term, 'too_many');
        else if (!out.some((v) => JSON.stringify(v) === JSON.stringify(outcome.value))) {
          out.push(outcome.value);
          if (outcome.changed) notes.normalised.push({ property, from: display(term), to: typeof outcome.value === 'string' ? outcome.value : JSON.stringify(outcome.value) });
        }
      }
      return many ? (out.length ? out : undefined) : out[0];
    };
    const text = (term: Term): string | undefined => (term.type === 'literal' ? term.value : term.type === 'iri' ? term.value : undefined);
    switch (rule.kind) {
      case 'text':
        return this.langText(terms, property, notes, rule.max);
      case 'keywords':
        return this.keywords(terms, property, notes);
      case 'concept':
        return collect((t) => (text(t) ? normalizeConcept(rule.scheme, text(t)!) : { drop: 'no_value' }), rule.many);
      case 'url':
        return collect((t) => (t.type === 'bnode' ? { drop: 'not_a_url' } : normalizeUrl(t.value, t.type === 'literal')), rule.many);
      case 'date':
        return collect((t) => (t.type === 'literal' ? normalizeDate(t.value) : { drop: 'not_a_date' }), false);
      case 'plain':
        return collect((t) => {
          const value = text(t)?.trim();
          if (!value) return { drop: 'no_value' };
          return { value: value.slice(0, rule.max), changed: t.type !== 'literal' || value.length > rule.max || value !== t.value };
        }, false);
      case 'mediaType':
        return collect((t) => {
          const value = t.type === 'bnode' ? this.labels(t.value)[0] : t.value;
          return value ? normalizeMediaType(value) : { drop: 'no_value' };
        }, false);
      case 'format':
        return collect((t) => {
          const labels = t.type === 'literal' ? [] : this.labels(t.value);
          if (t.type === 'bnode') return labels[0] ? normalizeFormat(labels[0], labels.slice(1)) : { drop: 'no_value' };
          return normalizeFormat(t.value, labels);
        }, rule.many);
      case 'licence':
        return collect((t) => {
          if (t.type !== 'bnode') return normalizeLicence(t.value);
          const alternatives = [`${NS.skos}exactMatch`, `${NS.owl}sameAs`, `${NS.dct}identifier`, 'http://purl.org/dc/elements/1.1/identifier', `${NS.skos}prefLabel`, `${NS.rdfs}label`, `${NS.dct}title`]
            .flatMap((p) => this.graph.values(t.value, p))
            .map((v) => v.value);
          return alternatives.length ? normalizeLicence(alternatives[0]!, alternatives.slice(1)) : { drop: 'no_value' };
        }, false);
      case 'byteSize':
        return collect((t) => (t.type === 'literal' ? normalizeByteSize(t.value) : { drop: 'not_a_number' }), false);
      case 'checksum':
        return collect((t) => (t.type === 'literal' ? { drop: 'no_value' } : this.checksum(t.value)), false);
      case 'rights':
        return collect((t) => {
          if (t.type === 'literal') return this.asText(t);
          const labels = [`${NS.rdfs}label`, `${NS.dct}description`, `${NS.skos}prefLabel`].flatMap((p) => this.graph.values(t.value, p));
          const value = labels.length ? this.langText(labels, property, { normalised: [], dropped: [] }, 20_000) : undefined;
          return value ? { value, changed: false } : { drop: 'not_in_model' };
        }, false);
      case 'periods':
        return collect((t) => (t.type === 'literal' ? { drop: 'no_value' } : this.period(t.value)), true);
      case 'contact':
        return collect((t) => this.contact(t, property, notes), false);
      case 'ref':
        return collect((t) => (t.type !== 'literal' && this.graph.kindOf(t.value) === rule.target ? { value: t.value, changed: false } : { drop: 'not_in_source' }), rule.many);
    }
  }

  /** Texts a described node carries (rdf:value, rdfs:label, skos:prefLabel). */
  private labels(id: string): string[] {
    return [`${NS.rdf}value`, `${NS.rdfs}label`, `${NS.skos}prefLabel`, `${NS.skos}notation`].flatMap((p) => this.graph.values(id, p)).map((t) => t.value);
  }

  private asText(term: Term & { type: 'literal' }): Outcome<LangText> {
    const lang = term.lang.split('-')[0];
    return { value: { [lang === 'en' ? 'en' : 'sv']: term.value.trim() }, changed: lang !== 'en' && lang !== 'sv' };
  }

  private langText(terms: Term[], property: string, notes: Notes, max: number): LangText | undefined {
    const out: LangText = {};
    const literals = terms.filter((t): t is Term & { type: 'literal' } => {
      if (t.type === 'literal') return t.value.trim() !== '';
      notes.dropped.push({ property, value: display(t), reason: 'no_value' });
      return false;
    });
    const put = (lang: 'sv' | 'en', term: Term & { type: 'literal' }, changedFrom?: string) => {
      if (out[lang] !== undefined) return notes.dropped.push({ property, value: display(term), reason: 'only_one' });
      let value = term.value.trim();
      if (value.length > max) {
        value = `${value.slice(0, max - 1)}…`;
        notes.normalised.push({ property, from: `${term.value.length} characters`, to: `${max} characters` });
      }
      out[lang] = value;
      if (changedFrom !== undefined) notes.normalised.push({ property, from: changedFrom, to: `@${lang}` });
    };
    const own = literals.filter((t) => /^(sv|en)(-|$)/.test(t.lang));
    for (const term of own) put(term.lang.startsWith('sv') ? 'sv' : 'en', term, term.lang.length > 2 ? `@${term.lang}` : undefined);
    const untagged = literals.filter((t) => t.lang === '');
    for (const term of untagged) {
      if (out.sv === undefined) put('sv', term, '(no language)');
      else if (out.en === undefined) put('en', term, '(no language)');
      else notes.dropped.push({ property, value: display(term), reason: 'only_one' });
    }
    const others = literals.filter((t) => t.lang !== '' && !/^(sv|en)(-|$)/.test(t.lang));
    for (const term of others) {
      if (out.sv === undefined && out.en === undefined) put('sv', term, `@${term.lang}`);
      else notes.dropped.push({ property, value: display(term), reason: 'other_language' });
    }
    return out.sv !== undefined || out.en !== undefined ? out : undefined;
  }

  private keywords(terms: Term[], property: string, notes: Notes): { sv?: string[]; en?: string[] } | undefined {
    const out: { sv: string[]; en: string[] } = { sv: [], en: [] };
    const literals = terms.filter((t): t is Term & { type: 'literal' } => t.type === 'literal' && t.value.trim() !== '');
    const hasOwn = literals.some((t) => t.lang === '' || /^(sv|en)(-|$)/.test(t.lang));
    for (const term of literals) {
      const lang = term.lang === '' || term.lang.startsWith('sv') ? 'sv' : term.lang.startsWith('en') ? 'en' : hasOwn ? undefined : 'sv';
      if (!lang) {
        notes.dropped.push({ property, value: display(term), reason: 'other_language' });
        continue;
      }
      const word = term.value.trim().slice(0, KEYWORD_MAX);
      if (out[lang].includes(word)) continue;
      if (out[lang].length >= LIST_MAX) {
        notes.dropped.push({ property, value: display(term), reason: 'too_many' });
        continue;
      }
      out[lang].push(word);
      if (term.lang !== lang) notes.normalised.push({ property, from: display(term), to: `"${word}"@${lang}` });
    }
    const result = { ...(out.sv.length ? { sv: out.sv } : {}), ...(out.en.length ? { en: out.en } : {}) };
    return Object.keys(result).length ? result : undefined;
  }

  private dateOf(id: string, predicates: string[]): string | undefined {
    for (const predicate of predicates) {
      for (const term of this.graph.values(id, predicate)) {
        if (term.type === 'literal') {
          const outcome = normalizeDate(term.value);
          if ('value' in outcome) return outcome.value;
        } else {
          // OWL-Time: time:hasBeginning [ time:inXSDDate "…" ]
          const nested = this.dateOf(term.value, ['http://www.w3.org/2006/time#inXSDDate', 'http://www.w3.org/2006/time#inXSDDateTime', 'http://www.w3.org/2006/time#inXSDDateTimeStamp']);
          if (nested) return nested;
        }
      }
    }
    return undefined;
  }

  private period(id: string): Outcome<PeriodOfTime> {
    const start = this.dateOf(id, [`${NS.dcat}startDate`, `${NS.schema}startDate`, 'http://www.w3.org/2006/time#hasBeginning']);
    const end = this.dateOf(id, [`${NS.dcat}endDate`, `${NS.schema}endDate`, 'http://www.w3.org/2006/time#hasEnd']);
    if (!start && !end) return { drop: 'no_value' };
    if (start && end && start > end) return { drop: 'invalid' };
    const usesSchema = this.graph.values(id, `${NS.schema}startDate`).length + this.graph.values(id, `${NS.schema}endDate`).length > 0;
    return { value: { ...(start ? { start } : {}), ...(end ? { end } : {}) }, changed: usesSchema };
  }

  private checksum(id: string): Outcome<{ algorithm: 'sha256'; value: string }> {
    const algorithm = this.graph.values(id, `${NS.spdx}algorithm`)[0]?.value ?? '';
    const value = this.graph.values(id, `${NS.spdx}checksumValue`)[0]?.value.trim().toLowerCase() ?? '';
    if (!/sha[-_]?256$/i.test(algorithm)) return { drop: 'checksum_algorithm' };
    return /^[0-9a-f]{64}$/.test(value) ? { value: { algorithm: 'sha256', value }, changed: false } : { drop: 'invalid' };
  }

  private contact(term: Term, property: string, notes: Notes): Outcome<ContactPoint> {
    if (term.type === 'literal') return { drop: 'contact_incomplete' };
    if (term.type === 'iri' && /^mailto:/i.test(term.value)) {
      const email = decodeURIComponent(term.value.slice(7)).trim();
      return isEmail(email) ? { value: { kind: 'organization', name: email, email }, changed: true } : { drop: 'contact_incomplete' };
    }
    const id = term.value;
    for (const [predicate, values] of this.graph.nodes.get(id)?.props ?? []) {
      if (!CONTACT_PROPERTIES.has(predicate)) for (const v of values) notes.dropped.push({ property: `${property}/${shortName(predicate)}`, value: display(v), reason: 'not_in_model' });
    }
    const names = [`${NS.vcard}fn`, `${NS.vcard}organization-name`].flatMap((p) => this.graph.values(id, p)).filter((t) => t.type === 'literal' && t.value.trim());
    const name = (names.find((t) => t.type === 'literal' && (t.lang === '' || t.lang.startsWith('sv'))) ?? names[0])?.value.trim();
    const emailTerm = this.graph.values(id, `${NS.vcard}hasEmail`)[0];
    const email = emailTerm ? decodeURIComponent(emailTerm.value.replace(/^mailto:/i, '')).trim() : '';
    if (!isEmail(email)) return { drop: 'contact_incomplete' };
    const phoneTerm = this.graph.values(id, `${NS.vcard}hasTelephone`)[0];
    const phoneValue = phoneTerm?.type === 'bnode' ? this.graph.values(phoneTerm.value, `${NS.vcard}hasValue`)[0]?.value : phoneTerm?.value;
    const phone = phoneValue?.replace(/^tel:/i, '').trim();
    const url = this.graph.values(id, `${NS.vcard}hasURL`)[0]?.value;
    const individual = this.graph.types(id).includes(`${NS.vcard}Individual`);
    const contact: ContactPoint = { kind: individual ? 'individual' : 'organization', name: (name ?? email).slice(0, 200), email };
    if (phone && /^[+\d][\d\s()-]{3,30}$/.test(phone)) contact.phone = phone;
    else if (phone) notes.dropped.push({ property: `${property}/vcard:hasTelephone`, value: phone, reason: 'invalid' });
    if (url && /^https?:\/\//i.test(url)) contact.url = url;
    const address = this.address(id, `${property}/vcard:hasAddress`, notes);
    if (address) contact.address = address;
    return { value: contact, changed: !name };
  }

  /**
   * A contact's postal address (vcard:hasAddress, the first one): street, locality, postal code and
   * country as single-line text of at most CONTACT_ADDRESS_PART_MAX characters (Swedish or untagged
   * text preferred); other parts of the address are noted as dropped.
   */
  private address(contactId: string, property: string, notes: Notes): ContactAddress | undefined {
    let out: ContactAddress | undefined;
    for (const term of this.graph.values(contactId, `${NS.vcard}hasAddress`)) {
      if (term.type === 'literal') {
        notes.dropped.push({ property, value: display(term), reason: 'not_in_model' });
        continue;
      }
      if (out) {
        notes.dropped.push({ property, value: display(term), reason: 'only_one' });
        continue;
      }
      const found: ContactAddress = {};
      for (const [predicate, values] of this.graph.nodes.get(term.value)?.props ?? []) {
        if (predicate === `${NS.rdf}type`) continue;
        const part = ADDRESS_PROPERTIES[predicate];
        const at = `${property}/${shortName(predicate)}`;
        if (!part) {
          for (const v of values) notes.dropped.push({ property: at, value: display(v), reason: 'not_in_model' });
          continue;
        }
        const literals = values.filter((v): v is Term & { type: 'literal' } => v.type === 'literal' && v.value.trim() !== '');
        for (const v of values) if (!literals.includes(v as Term & { type: 'literal' })) notes.dropped.push({ property: at, value: display(v), reason: 'no_value' });
        const chosen = literals.find((v) => v.lang === '' || v.lang.startsWith('sv')) ?? literals[0];
        for (const v of literals) if (v !== chosen) notes.dropped.push({ property: at, value: display(v), reason: 'only_one' });
        if (!chosen) continue;
        let text = chosen.value.trim().replace(/\s+/g, ' ');
        if (text.length > CONTACT_ADDRESS_PART_MAX) {
          notes.normalised.push({ property: at, from: `${text.length} characters`, to: `${CONTACT_ADDRESS_PART_MAX} characters` });
          text = `${text.slice(0, CONTACT_ADDRESS_PART_MAX - 1)}…`;
        }
        found[part] = text;
      }
      if (Object.keys(found).length) out = found;
      else notes.dropped.push({ property, value: display(term), reason: 'no_value' });
    }
    return out;
  }
}
