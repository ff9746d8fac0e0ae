import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectDelimiter, fieldCounts } from './delimiter.js';

describe('detectDelimiter', () => {
  const guess = (text: string, complete = true) => detectDelimiter(text, { complete })?.delimiter;

  test('comma, semicolon, tab and pipe', () => {
    assert.equal(guess('a,b,c\n1,2,3\n'), ',');
    assert.equal(guess('a;b;c\n1;2;3\n'), ';');
    assert.equal(guess('a\tb\n1\t2\n'), '\t');
    assert.equal(guess('a|b\n1|2\n'), '|');
  });

  test('Swedish: semicolons with decimal commas in every row', () => {
    const text = 'Kommun;Andel;Förändring\nStockholm;12,5;-0,3\nUppsala;7,25;1,0\nSkåne;3,0;0,0\n';
    assert.deepEqual(detectDelimiter(text, { complete: true }), { delimiter: ';', fields: 3, records: 4 });
  });

  test('one column of decimal numbers has no delimiter (the header has no comma)', () => {
    assert.equal(guess('Värde\n1,5\n2,5\n3,5\n'), undefined);
  });

  test('delimiters and line breaks inside quotes do not count', () => {
    assert.equal(guess('namn;beskrivning\n"A";"x, y, z"\n"B";"rad 1\nrad 2, med komma"\n'), ';');
    assert.deepEqual(fieldCounts('a,b\n"1,2",3\n"x ""quoted"", y",4\n', ',', true), [2, 2, 2]);
  });

  test('a quote in the middle of a field is only a character', () => {
    assert.deepEqual(fieldCounts('skärm,storlek\nA,24"\nB,27"\n', ',', true), [2, 2, 2]);
  });

  test('a few odd rows (a footnote) are tolerated; blank lines are skipped', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `kommun${i};${i}`).join('\n');
    assert.equal(guess(`kommun;antal\n\n${rows}\n\nKälla: SCB\n`), ';');
  });

  test('a cut-off last line is left out unless the text is complete', () => {
    assert.deepEqual(fieldCounts('a,b,c\n1,2,3\n4,5', ',', false), [3, 3]);
    assert.deepEqual(fieldCounts('a,b,c\n1,2,3\n4,5', ',', true), [3, 3, 2]);
    assert.deepEqual(fieldCounts('a,b\n"open quote,\n', ',', false), [2]);
  });

  test('no candidate: undefined', () => {
    assert.equal(guess('bara en kolumn\nockså här\n'), undefined);
    assert.equal(guess(''), undefined);
  });
});
