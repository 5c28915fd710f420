import { describe, expect, it } from 'vitest';
import { parsePart, parseShardCount, rendersGlobalPages, splitByWeight } from '../../src/site/parts.ts';

describe('parsePart', () => {
	it('reads i/n and nothing else', () => {
		expect(parsePart(undefined)).toBeUndefined();
		expect(parsePart('')).toBeUndefined();
		expect(parsePart('2/4')).toEqual({ index: 2, count: 4 });
		for (const bad of ['0/2', '3/2', '1', '1/2/3', 'a/b', '-1/2'])
			expect(() => parsePart(bad), bad).toThrow(/ATLAS_SHARD/);
	});
	it('renders the global pages in part 1 or an unsplit build only', () => {
		expect(rendersGlobalPages(undefined)).toBe(true);
		expect(rendersGlobalPages({ index: 1, count: 3 })).toBe(true);
		expect(rendersGlobalPages({ index: 2, count: 3 })).toBe(false);
	});
});

describe('parseShardCount', () => {
	it('defaults to 1 and refuses what is not a positive whole number', () => {
		expect(parseShardCount(undefined)).toBe(1);
		expect(parseShardCount('4')).toBe(4);
		for (const bad of ['0', '1.5', 'two', '-3']) expect(() => parseShardCount(bad), bad).toThrow(/ATLAS_SHARDS/);
	});
});

describe('splitByWeight', () => {
	it('keeps order, uses every item once and balances the weights', () => {
		const items = [5, 1, 1, 1, 1, 1, 3, 2, 4, 1];
		const runs = splitByWeight(items, (n) => n, 3);
		expect(runs.flat()).toEqual(items);
		const sums = runs.map((r) => r.reduce((a, b) => a + b, 0));
		expect(Math.max(...sums) - Math.min(...sums)).toBeLessThanOrEqual(Math.max(...items));
	});
	it('leaves runs empty when there are fewer items than runs', () => {
		expect(splitByWeight(['a'], () => 1, 3)).toEqual([[], ['a'], []]);
		expect(splitByWeight([], () => 1, 2)).toEqual([[], []]);
	});
	it('gives one run everything when asked for one', () => {
		expect(splitByWeight([1, 2, 3], (n) => n, 1)).toEqual([[1, 2, 3]]);
	});
});
