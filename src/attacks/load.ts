/**
 * Reads the attack patterns' front matter outside Astro: the Pagefind step (which runs after the pages
 * are written and has no content collections) and unit tests use it. Pages read the same files through
 * the `attacks` collection, validated by the same schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { byCodePoint } from '../text/words.ts';
import { type AttackFrontmatter, attackFrontmatterSchema } from './schema.ts';

/** Default folder of the pattern files. */
export const ATTACKS_DIR = 'content/attacks';

/** One pattern as read from disk: id (file name) and validated front matter. */
export interface AttackFile {
	id: string;
	data: AttackFrontmatter;
}

/** The YAML between the opening `---` and the next `---` line. */
export function frontmatterOf(text: string): string {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
	if (!match) throw new Error('no front matter block');
	return match[1] as string;
}

/** Every `<id>.mdx` in `dir`, validated; throws one error listing every invalid file. */
export function loadAttackFiles(dir: string = ATTACKS_DIR): AttackFile[] {
	const out: AttackFile[] = [];
	const problems: string[] = [];
	for (const name of readdirSync(dir)
		.filter((n) => n.endsWith('.mdx'))
		.sort()) {
		const file = join(dir, name);
		try {
			const parsed = attackFrontmatterSchema.safeParse(parse(frontmatterOf(readFileSync(file, 'utf8'))));
			if (parsed.success) out.push({ id: name.replace(/\.mdx$/, ''), data: parsed.data });
			else problems.push(...parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`));
		} catch (error) {
			problems.push(`${file}: ${(error as Error).message}`);
		}
	}
	if (problems.length > 0)
		throw new Error(`Attack patterns have ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
	return out.sort((a, b) => byCodePoint(a.data.code, b.data.code));
}
