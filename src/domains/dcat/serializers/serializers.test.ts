// Every writer's output, read back by an independent reader, is the graph that went in
// (isomorphic: same triples, blank nodes matched up).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Readable } from 'node:stream';
import { DataFactory } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import type * as RDF from '@rdfjs/types';
import { parseRdf } from '../rdf-parse.js';
import { rdfFormats, serialize, serializeToString } from './index.js';
import { RdfXmlWriter } from './rdfxml-writer.js';

const { namedNode, literal, blankNode, quad } = DataFactory;
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const s = namedNode('https://data.example.se/datasets/a?x=1&y=%3C2%3E');
const b = blankNode('contact');

/** Tricky on purpose: XML specials, quotes, newlines, tabs, non-Latin text, datatypes, blank nodes, odd namespaces. */
const graph: RDF.Quad[] = [
  quad(s, namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), namedNode('http://www.w3.org/ns/dcat#Dataset')),
  quad(s, namedNode('http://purl.org/dc/terms/title'), literal('Räksmörgås & <bröd> "citat" \'apostrof\'', 'sv')),
  quad(s, namedNode('http://purl.org/dc/terms/description'), literal('Rad ett\nRad två\tmed tabb\r\nslut', 'en')),
  quad(s, namedNode('http://purl.org/dc/terms/issued'), literal('2024-05-01', namedNode(`${XSD}date`))),
  quad(s, namedNode('http://www.w3.org/ns/dcat#byteSize'), literal('1234', namedNode(`${XSD}nonNegativeInteger`))),
  quad(s, namedNode('http://purl.org/dc/terms/identifier'), literal('日本語 ✓')),
  quad(s, namedNode('https://example.org/vocab/custom-prop'), literal('x')),
  quad(s, namedNode('http://example.org/other#thing_1'), namedNode('urn:uuid:01900000-0000-7000-8000-000000000001')),
  quad(s, namedNode('http://www.w3.org/ns/dcat#contactPoint'), b),
  quad(b, namedNode('http://www.w3.org/2006/vcard/ns#fn'), literal('Kontakt')),
  quad(namedNode('http://creativecommons.org/publicdomain/zero/1.0/'), namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), namedNode('http://purl.org/dc/terms/LicenseDocument')),
];

describe('RDF writers', () => {
  for (const format of rdfFormats) {
    test(`${format}: read back, the same graph`, async () => {
      const text = await serializeToString(format, graph);
      const back = await parseRdf(text, format);
      assert.ok(isomorphic(back, graph), `${format} did not round-trip:\n${text}`);
    });
  }

  test('RDF/XML: one rdf:Description per run of a subject, prefixes declared once', async () => {
    const text = await serializeToString('rdf', graph);
    assert.match(text, /^<\?xml version="1.0" encoding="utf-8"\?>\n<rdf:RDF/);
    assert.equal(text.match(/rdf:about="https:\/\/data\.example\.se\/datasets\/a\?x=1&amp;y=%3C2%3E"/g)?.length, 1);
    assert.match(text, /<dct:title xml:lang="sv">Räksmörgås &amp; &lt;bröd&gt; "citat" 'apostrof'<\/dct:title>/);
    assert.match(text, /xmlns:ns0="https:\/\/example.org\/vocab\/"/);
  });

  test('RDF/XML: characters XML 1.0 cannot carry become U+FFFD instead of breaking the document', async () => {
    const text = await serializeToString('rdf', [quad(s, namedNode('http://purl.org/dc/terms/title'), literal('bell\u0007'))]);
    const back = await parseRdf(text, 'rdf');
    assert.equal(back[0]!.object.value, 'bell\uFFFD');
  });

  test('RDF/XML: a predicate that cannot be a QName is refused rather than written wrongly', () => {
    const writer = new RdfXmlWriter({});
    assert.throws(() => writer.render([quad(s, namedNode('http://example.org/ends/with/'), literal('x'))]), /cannot express/);
  });

  test('streams pull batches only as the reader reads (backpressure)', async () => {
    let produced = 0;
    async function* batches() {
      for (let i = 0; i < 10_000; i++) {
        produced++;
        yield [quad(namedNode(`https://x.example/${i}`), namedNode('http://purl.org/dc/terms/title'), literal('t'.repeat(1000)))];
      }
    }
    const stream = serialize('rdf', batches());
    const reader = stream[Symbol.asyncIterator]();
    await reader.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(produced < 500, `produced ${produced} batches for one read`);
    stream.destroy();
  });

  test('an error while producing ends the stream with that error', async () => {
    async function* failing() {
      yield graph;
      throw new Error('database went away');
    }
    await assert.rejects(async () => {
      for await (const _chunk of Readable.from(serialize('ttl', failing()))) void _chunk;
    }, /database went away/);
  });
});
