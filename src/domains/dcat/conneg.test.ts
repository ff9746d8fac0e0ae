import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogFormat, parseAccept, preferredRdfFormat, qualityOf } from './conneg.js';

describe('content negotiation', () => {
  test('q-values and specificity', () => {
    const ranges = parseAccept('text/*;q=0.3, text/turtle;q=0.7, */*;q=0.1');
    assert.equal(qualityOf(ranges, 'text/turtle'), 0.7);
    assert.equal(qualityOf(ranges, 'text/html'), 0.3);
    assert.equal(qualityOf(ranges, 'application/rdf+xml'), 0.1);
    assert.equal(qualityOf(parseAccept('text/turtle;q=0'), 'text/turtle'), 0);
  });

  test('RDF only when preferred to HTML; browsers and */* get the page', () => {
    assert.equal(preferredRdfFormat('text/turtle'), 'ttl');
    assert.equal(preferredRdfFormat('application/ld+json, text/html;q=0.9'), 'jsonld');
    assert.equal(preferredRdfFormat('application/rdf+xml;q=0.9, text/turtle'), 'ttl');
    assert.equal(preferredRdfFormat('application/n-triples'), 'nt');
    assert.equal(preferredRdfFormat('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'), undefined);
    assert.equal(preferredRdfFormat('*/*'), undefined);
    assert.equal(preferredRdfFormat(undefined), undefined);
    assert.equal(preferredRdfFormat('text/turtle, text/html'), undefined, 'a tie goes to HTML');
  });

  test('the catalog IRI: RDF/XML unless HTML or another syntax is asked for', () => {
    assert.equal(catalogFormat(undefined), 'rdf');
    assert.equal(catalogFormat('*/*'), 'rdf');
    assert.equal(catalogFormat('text/turtle'), 'ttl');
    assert.equal(catalogFormat('text/html'), 'html');
  });
});
