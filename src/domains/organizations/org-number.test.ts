import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatOrgNumber, luhnValid, parseOrgNumber } from './org-number.js';

describe('organisation numbers', () => {
  test('real organisation numbers pass, with or without the hyphen', () => {
    const real = {
      'Myndigheten för digital förvaltning (Digg)': '202100-6883',
      Skatteverket: '202100-5448',
      Lantmäteriet: '202100-4888',
      'Statistiska centralbyrån': '202100-0837',
      'Stockholms kommun': '212000-0142',
      'Göteborgs kommun': '212000-1355',
      'Region Stockholm': '232100-0016',
      'Systembolaget AB': '556059-9473',
    };
    for (const [name, number] of Object.entries(real)) {
      const digits = number.replace('-', '');
      assert.equal(parseOrgNumber(number), digits, name);
      assert.equal(parseOrgNumber(digits), digits, `${name} without hyphen`);
      assert.equal(formatOrgNumber(digits), number);
    }
    assert.equal(parseOrgNumber('202100-5489'), '2021005489', 'the example in the form hint');
    assert.equal(parseOrgNumber('  202100-5489 '), '2021005489', 'surrounding spaces are ignored');
  });

  test('a wrong check digit fails', () => {
    for (const bad of ['202100-5488', '2021005480', '212000-0143', '232100-0017']) assert.equal(parseOrgNumber(bad), undefined, bad);
  });

  test('third and fourth digit below 20 fail even with a valid check digit (personal identity numbers)', () => {
    // 811218-9876 is the Swedish Tax Agency's sample personal identity number: Luhn-valid, month 12.
    assert.ok(luhnValid('8112189876'));
    assert.equal(parseOrgNumber('811218-9876'), undefined);
    // Find a Luhn-valid number with 3rd–4th digits 19 and check it fails; 20 is the lowest allowed.
    const withCheck = (nine: string) => `${nine}${[...Array(10).keys()].find((d) => luhnValid(`${nine}${d}`))}`;
    assert.equal(parseOrgNumber(withCheck('551900000')), undefined, '19 is below 20');
    assert.equal(parseOrgNumber(withCheck('552000000')), withCheck('552000000'), '20 is allowed');
  });

  test('anything that is not ten digits in the two accepted shapes fails', () => {
    for (const bad of ['', '202100', '20210054890', '202100 5489', '20210-05489', '2021-00-5489', 'abcdef-ghij', '16202100-5489', '202100–5489', '٢٠٢١٠٠٥٤٨٩']) {
      assert.equal(parseOrgNumber(bad), undefined, JSON.stringify(bad));
    }
  });

  test('Luhn over all ten digits', () => {
    assert.equal(luhnValid('2021005489'), true);
    assert.equal(luhnValid('2021005480'), false);
    assert.equal(luhnValid('x'), false);
  });
});
