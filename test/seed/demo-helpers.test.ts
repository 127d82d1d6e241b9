import { expect } from 'chai';
import { CHUNK, chunks } from '../../src/seed/demo/bulk.js';
import { Rng, weighted } from '../../src/seed/demo/fake.js';

describe('demo data helpers', () => {
  it('cuts rows into chunks of at most CHUNK, in order, and nothing into no chunks', () => {
    const rows = Array.from({ length: 2 * CHUNK + 3 }, (_, i) => i);
    const parts = chunks(rows);
    expect(parts.map((p) => p.length)).to.deep.equal([CHUNK, CHUNK, 3]);
    expect(parts.flat()).to.deep.equal(rows);
    expect(chunks([])).to.deep.equal([]);
    expect(chunks([1, 2, 3], 2)).to.deep.equal([[1, 2], [3]]);
  });

  it('picks by weight with one draw: never a zero weight, and the same pick for the same seed', () => {
    const entries = [
      ['a', 3],
      ['b', 0],
      ['c', 1],
    ] as const;
    const counts = { a: 0, b: 0, c: 0 };
    const rng = new Rng(7);
    for (let i = 0; i < 4000; i++) counts[weighted(rng, entries)] += 1;
    expect(counts.b).to.equal(0);
    expect(counts.a / counts.c).to.be.within(2.5, 3.5);

    const one = new Rng(42);
    const other = new Rng(42);
    expect(weighted(one, entries)).to.equal(weighted(other, entries));
    expect(one.next()).to.equal(other.next());
  });
});
