import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { checkImport, type Violation } from './import-rules.js';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

describe('architecture boundaries', () => {
  test('no file in src/ breaks a layering rule', () => {
    const violations: Violation[] = [];
    for (const file of sourceFiles('src')) {
      for (const specifier of importsOf(file)) {
        const violation = checkImport(file, specifier);
        if (violation) violations.push(violation);
      }
    }
    assert.deepEqual(violations, [], violations.map((v) => `${v.file} imports ${v.imported}: ${v.rule}`).join('\n'));
  });

  test('the rules catch what they are meant to catch', () => {
    const bad: [string, string][] = [
      ['src/domains/catalog/dataset.service.ts', '../accounts/user.repository.js'],
      ['src/domains/catalog/dataset.service.ts', '../accounts/internal/thing.js'],
      ['src/platform/http/pages.ts', '../../domains/site/index.js'],
      ['src/platform/jobs/worker.ts', '../../app.js'],
      ['src/db/migrations/2026-11-28-0001-platform.ts', '../../platform/ids.js'],
      ['src/db/migrations/2026-11-28-0001-platform.ts', 'uuidv7'],
      ['src/domains/catalog/dataset.api.ts', 'kysely'],
      ['src/domains/catalog/dataset.pages.ts', './dataset.repository.js'],
      ['src/domains/catalog/dataset.service.ts', 'fastify'],
      ['src/domains/catalog/dataset.policy.ts', 'kysely'],
      ['src/db/database.ts', '../platform/logger.js'],
    ];
    for (const [file, specifier] of bad) assert.ok(checkImport(file, specifier), `${file} → ${specifier} should be refused`);
    const good: [string, string][] = [
      ['src/domains/catalog/dataset.service.ts', '../accounts/index.js'],
      ['src/domains/catalog/dataset.service.ts', './dataset.repository.js'],
      ['src/domains/catalog/dataset.api.ts', './dataset.service.js'],
      ['src/domains/site/site.pages.ts', '../../platform/http/pages.js'],
      ['src/db/migrations/2026-11-28-0001-platform.ts', 'kysely'],
      ['src/app.ts', './domains/site/index.js'],
    ];
    for (const [file, specifier] of good) assert.equal(checkImport(file, specifier), undefined, `${file} → ${specifier} should be allowed`);
  });
});
