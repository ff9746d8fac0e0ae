import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogParts, catalogs, localeFromPath, localizedPath, translator } from './index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  test('Swedish and English have exactly the same keys, none empty', () => {
    const sv = Object.keys(catalogs.sv).sort();
    const en = Object.keys(catalogs.en).sort();
    assert.deepEqual(en, sv);
    for (const [locale, catalog] of Object.entries(catalogs)) {
      for (const [key, text] of Object.entries(catalog)) assert.ok(text.trim().length > 0, `${locale}:${key} is empty`);
    }
  });

  test('no key is defined in two catalog parts, and each part has its English twin', () => {
    for (const locale of ['sv', 'en'] as const) {
      const seen = new Map<string, number>();
      catalogParts[locale].forEach((part, index) => {
        for (const key of Object.keys(part)) {
          assert.ok(!seen.has(key), `${locale}: ${key} is defined in parts ${seen.get(key)} and ${index}`);
          seen.set(key, index);
        }
      });
    }
    catalogParts.sv.forEach((part, index) => assert.deepEqual(Object.keys(catalogParts.en[index]!).sort(), Object.keys(part).sort(), `part ${index}`));
  });

  test('placeholders match between languages', () => {
    for (const key of Object.keys(catalogs.sv) as (keyof typeof catalogs.sv)[]) {
      assert.deepEqual(placeholders(catalogs.en[key]), placeholders(catalogs.sv[key]), key);
    }
  });

  test('English is a translation, not a copy (except names)', () => {
    const same = Object.keys(catalogs.sv).filter((k) => catalogs.sv[k as keyof typeof catalogs.sv] === catalogs.en[k as keyof typeof catalogs.en]);
    assert.deepEqual(same.sort(), ['nav.admin', 'nav.api', 'site.name'].sort());
  });

  test('translator fills placeholders and leaves unknown ones', () => {
    const t = translator('en');
    assert.match(t('error.server.text', { requestId: 'abc-123' }), /abc-123/);
    assert.match(t('error.server.text'), /\{requestId\}/);
  });

  test('locale from the path and back', () => {
    assert.deepEqual(localeFromPath('/'), { locale: 'sv', path: '/' });
    assert.deepEqual(localeFromPath('/en'), { locale: 'en', path: '/' });
    assert.deepEqual(localeFromPath('/en/datasets?q=x'), { locale: 'en', path: '/datasets?q=x' });
    assert.deepEqual(localeFromPath('/en?x=1'), { locale: 'en', path: '/?x=1' });
    assert.deepEqual(localeFromPath('/energy'), { locale: 'sv', path: '/energy' }, 'a path merely starting with "en" is Swedish');
    assert.equal(localizedPath('en', '/'), '/en');
    assert.equal(localizedPath('en', '/datasets?q=x'), '/en/datasets?q=x');
    assert.equal(localizedPath('sv', '/datasets'), '/datasets');
    assert.equal(localizedPath('en', '/?x=1'), '/en?x=1');
  });
});
