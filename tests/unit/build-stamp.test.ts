import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInputsHash, buildIsCurrent, buildStamp } from '../../src/integrations/build-stamp.ts';
import { tempDir } from '../helpers/temp.ts';

/** A checkout with a catalogue file, a source file and a lockfile. */
function checkout(): string {
	const root = tempDir('atlas-stamp-');
	mkdirSync(join(root, 'content', 'servers'), { recursive: true });
	mkdirSync(join(root, 'src'));
	writeFileSync(join(root, 'content', 'servers', 'a.yaml'), 'slug: a\n');
	writeFileSync(join(root, 'src', 'page.ts'), 'export {};\n');
	writeFileSync(join(root, 'package-lock.json'), '{}\n');
	return root;
}

describe('build inputs hash', () => {
	it('is stable, and changes with the catalogue, the source, the lockfile and the settings', () => {
		const root = checkout();
		const env = {};
		const first = buildInputsHash(root, env);
		expect(buildInputsHash(root, env)).toBe(first);
		const seen = new Set([first]);
		for (const [file, text] of [
			['content/servers/a.yaml', 'slug: b\n'],
			['src/page.ts', 'export const x = 1;\n'],
			['package-lock.json', '{"v":2}\n'],
			['content/servers/new.yaml', 'slug: new\n'],
		] as const) {
			writeFileSync(join(root, file), text);
			const next = buildInputsHash(root, env);
			expect(seen.has(next), file).toBe(false);
			seen.add(next);
		}
		expect(seen.has(buildInputsHash(root, { ATLAS_SITE_URL: 'https://x.example/' }))).toBe(false);
	});
});

describe('build stamp', () => {
	it('marks a finished build current until an input changes, and is forgotten when a build starts', () => {
		const root = checkout();
		const out = join(root, 'dist');
		const hooks = buildStamp(root, out).hooks as Record<string, () => void>;
		expect(buildIsCurrent(root, out, process.env)).toBe(false);
		hooks['astro:build:start']?.();
		mkdirSync(out);
		writeFileSync(join(out, 'index.html'), '<!doctype html>');
		hooks['astro:build:done']?.();
		expect(buildIsCurrent(root, out, process.env)).toBe(true);
		writeFileSync(join(root, 'content', 'servers', 'a.yaml'), 'slug: changed\n');
		expect(buildIsCurrent(root, out, process.env)).toBe(false);
		hooks['astro:build:start']?.();
		hooks['astro:build:done']?.();
		expect(buildIsCurrent(root, out, process.env)).toBe(true);
		hooks['astro:build:start']?.(); // a build that then fails leaves no stamp
		expect(buildIsCurrent(root, out, process.env)).toBe(false);
	});
});
