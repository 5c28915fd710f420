/** CHANGELOG.md records every ruleset version, newest first, starting with the one the code carries. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULESET_VERSION } from '../../src/classify/index.ts';

describe('CHANGELOG.md', () => {
	const versions = [
		...readFileSync('CHANGELOG.md', 'utf8').matchAll(/^## (\d{4}\.\d+\.\d+) \(\d{4}-\d{2}-\d{2}\)$/gm),
	].map((m) => m[1] ?? '');

	it('opens with the ruleset version the classifier carries', () => {
		expect(versions[0]).toBe(RULESET_VERSION);
	});

	it('lists each version once, newest first', () => {
		const order = (v: string) => v.split('.').map(Number);
		const sorted = [...versions].sort((a, b) => {
			const [x, y] = [order(a), order(b)];
			return (y[0] ?? 0) - (x[0] ?? 0) || (y[1] ?? 0) - (x[1] ?? 0) || (y[2] ?? 0) - (x[2] ?? 0);
		});
		expect(new Set(versions).size).toBe(versions.length);
		expect(versions).toEqual(sorted);
	});
});
