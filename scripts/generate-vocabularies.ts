// npm run vocabularies — rebuilds src/domains/catalog/vocabularies/data/*.json from the SKOS files in
// ../shared/standards (or the folder given as the first argument, which holds standards/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVocabularies, dataFileName, serializeVocabulary } from '../src/domains/catalog/vocabularies/generate.js';
import type { SchemeName } from '../src/domains/catalog/vocabularies/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared'));
const outDir = path.join(root, 'src/domains/catalog/vocabularies/data');

if (!fs.existsSync(path.join(sharedDir, 'standards'))) {
  console.error(`generate-vocabularies: ${sharedDir}/standards not found`);
  process.exit(1);
}

const vocabularies = await buildVocabularies(sharedDir);
fs.mkdirSync(outDir, { recursive: true });
for (const [name, file] of Object.entries(vocabularies) as [SchemeName, (typeof vocabularies)[SchemeName]][]) {
  const target = path.join(outDir, dataFileName(name));
  const text = serializeVocabulary(file);
  fs.writeFileSync(target, text);
  const noSv = file.concepts.filter((c) => c.svFallback).length;
  console.error(`${path.relative(root, target)}: ${file.concepts.length} concepts, ${noSv} without Swedish label, ${text.length} bytes`);
}
