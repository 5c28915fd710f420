/**
 * URL segments for tools. A tool's URL depends on its own name only, so it never changes when another
 * tool arrives, and distinct names always get distinct URLs:
 *
 * - A clean name (already lowercase `[a-z0-9_-]`, at most 80 characters, starting and ending with no
 *   dash) is its own slug: `delete_file` → `delete_file`.
 * - Any other name gets its readable base slug, a `~` (a character no clean name holds, so no clean
 *   name can ever take this form), and a 128-bit hash of the exact name: `Delete_File` →
 *   `delete_file~<26 base32 characters>`.
 *
 * Why 128 bits: a server's author writes every name in the file, so a decoy needs only a birthday
 * collision between two of their own names, which costs about 2^(bits/2) hashes: 32 bits falls in
 * seconds, 64 bits in hours on commodity GPUs, 128 bits (2^64 work) is out of reach. `assertUniqueUrls`
 * still checks every assigned URL, so even a collision fails the build instead of losing a page.
 */
import { createHash } from 'node:crypto';

/** RFC 4648 base32 in lowercase: URL-safe, case-insensitive-filesystem-safe, 5 bits a character. */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Bits of SHA-256 kept in a hashed slug (see the module comment for why 128). */
export const SLUG_HASH_BITS = 128;

/** Separates the base from the hash; it never occurs in a clean name or a base slug. */
export const SLUG_HASH_MARK = '~';

/** Stable hash of a string: the first `bits` bits of its SHA-256, in lowercase base32. */
export function slugHash(text: string, bits = SLUG_HASH_BITS): string {
	const digest = createHash('sha256').update(text, 'utf8').digest();
	let out = '';
	for (let bit = 0; bit < bits; bit += 5) {
		const byte = bit >> 3;
		const word = ((digest[byte] ?? 0) << 8) | (digest[byte + 1] ?? 0);
		const width = Math.min(5, bits - bit);
		out += BASE32[((word >> (16 - (bit & 7) - 5)) & 31) >> (5 - width)];
	}
	return out;
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

/** True when a name is its own slug: nothing to lowercase, fold, replace or cut. */
export function isCleanName(name: string): boolean {
	return baseSlug(name) === name;
}

/** The URL segment of one tool name: a function of the name alone (see the module comment). */
export function toolSlug(name: string): string {
	if (isCleanName(name)) return name;
	return `${baseSlug(name) || 'tool'}${SLUG_HASH_MARK}${slugHash(name)}`;
}

/**
 * Assigns a URL slug to each tool name of one server, and throws if two names would share one (which
 * the scheme makes as unlikely as a 128-bit hash collision, but a lost page must never pass silently).
 */
export function toolSlugs(names: readonly string[]): Map<string, string> {
	const slugs = new Map<string, string>();
	const owners = new Map<string, string>();
	for (const name of names) {
		const slug = toolSlug(name);
		const owner = owners.get(slug);
		if (owner !== undefined && owner !== name) {
			throw new Error(`tools ${JSON.stringify(owner)} and ${JSON.stringify(name)} would share the URL slug "${slug}"`);
		}
		owners.set(slug, name);
		slugs.set(name, slug);
	}
	return slugs;
}

/**
 * Throws unless every URL in `urls` is assigned once, naming both owners of the first repeat, so no
 * page can silently replace another. `urls` pairs each URL with a description of what owns it.
 */
export function assertUniqueUrls(urls: Iterable<readonly [url: string, owner: string]>): void {
	const seen = new Map<string, string>();
	for (const [url, owner] of urls) {
		// Output folders are compared case-insensitively: on macOS and Windows `A/` and `a/` are one folder.
		const key = url.toLowerCase();
		const first = seen.get(key);
		if (first !== undefined) throw new Error(`URL ${url} is assigned twice: to ${first} and to ${owner}`);
		seen.set(key, owner);
	}
}
