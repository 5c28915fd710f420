/**
 * URL segments for tools. A tool's URL must be stable (the same name always gives the same URL) and
 * collision-free within its server even when names differ only by case or punctuation.
 */
import { createHash } from 'node:crypto';

/** Short, stable hash of a string (hex). */
export function shortHash(text: string, length = 8): string {
	return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}

/** Lowercases and keeps `[a-z0-9_-]`, turning every other run of characters into one dash. */
export function baseSlug(name: string): string {
	const slug = name
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^a-z0-9_-]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
	return /[a-z0-9]/.test(slug) ? slug : '';
}

/**
 * Assigns a URL slug to each tool name of one server. Names whose base slug is unique keep it; names
 * that collide (or have no usable characters) all get a hash suffix, so no name's URL depends on the
 * order or presence of other tools beyond its own collision group.
 */
export function toolSlugs(names: readonly string[]): Map<string, string> {
	const groups = new Map<string, string[]>();
	for (const name of names) {
		const base = baseSlug(name);
		groups.set(base, [...(groups.get(base) ?? []), name]);
	}
	const slugs = new Map<string, string>();
	for (const [base, members] of groups) {
		for (const name of members) {
			slugs.set(name, members.length === 1 && base ? base : `${base || 'tool'}-${shortHash(name)}`);
		}
	}
	return slugs;
}
