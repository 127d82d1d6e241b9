// Imports point down only: main → server → admin | api | auth | http | seed | cli → domain → rules → models → db →
// lib | vocabulary | config | errors | logger. A module may use its own layer and the ones below, never one above.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { projectRoot } from '../src/config.js';

const LAYERS: string[][] = [
  ['main'],
  ['server'],
  ['admin', 'api', 'auth', 'http', 'seed', 'cli'],
  ['domain'],
  ['rules'],
  ['models'],
  ['db'],
  ['lib', 'vocabulary', 'config', 'errors', 'logger'],
];

const src = path.join(projectRoot, 'src');

/** The layer of a file or folder directly under src/ (its first path segment, without the extension). */
function layerOf(file: string): { index: number; name: string } {
  const name = path
    .relative(src, file)
    .split(path.sep)[0]
    .replace(/\.tsx?$/, '');
  const index = LAYERS.findIndex((group) => group.includes(name));
  return { index, name };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)|import\s+'(\.[^']+)'/g;

describe('the layers of src/', () => {
  it('every file under src/ belongs to a layer', () => {
    const unplaced = sourceFiles(src)
      .filter((file) => layerOf(file).index < 0)
      .map((file) => path.relative(src, file));
    expect(unplaced).to.deep.equal([]);
  });

  it('no import points up', () => {
    const upward: string[] = [];
    for (const file of sourceFiles(src)) {
      const from = layerOf(file);
      for (const match of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = path.resolve(path.dirname(file), match[1] ?? match[2] ?? match[3]);
        const to = layerOf(target);
        if (to.index >= 0 && to.index < from.index)
          upward.push(`${path.relative(src, file)} → ${path.relative(src, target)} (${from.name} → ${to.name})`);
      }
    }
    expect(upward, upward.join('\n')).to.deep.equal([]);
  });

  it('the check sees an upward import when there is one', () => {
    const models = layerOf(path.join(src, 'models', 'payment.ts'));
    const domain = layerOf(path.join(src, 'domain', 'receipts.ts'));
    expect(domain.index).to.be.lessThan(models.index);
  });
});
