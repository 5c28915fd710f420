/**
 * The methodology's rule texts, kept as content in `content/rules/` so that adding or rewording a rule
 * needs no code change beyond its id:
 *
 * - `<id>.md`, one per rule the code can cite (`RULE_IDS`, then `INTEGRITY_SIGNALS`): front matter with
 *   `title` and `group`, then three sections, `## Reads` and `## Does` (one paragraph each) and
 *   `## Examples` (a `- ` list; an item continues on lines indented by two spaces);
 * - `_groups.yaml`, the groups in page order, each with its `id`, `title` and `intro`.
 *
 * Lines are joined with a space, so the files can be wrapped freely. The texts are not run through a
 * Markdown renderer: the page prints them as written, with code spans between backticks, so `<`, `*`
 * and `_` mean themselves. Every problem names its file and field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { INTEGRITY_SIGNALS, type IntegritySignal, RULE_IDS, type RuleId } from './index.ts';

/** Where the rule texts are, relative to the working directory (the checkout, for the build, scripts and tests). */
export const RULE_DOCS_DIR = 'content/rules';
/** The group file's name inside the rule folder. */
export const RULE_GROUPS_FILE = '_groups.yaml';

/** A rule the site can link to: an evidence record's rule or an integrity finding's signal. */
export type DocumentedRuleId = RuleId | IntegritySignal;
/** Every id that needs a document, in page order within each group. */
export const DOCUMENTED_RULE_IDS: readonly DocumentedRuleId[] = [...RULE_IDS, ...INTEGRITY_SIGNALS];

const text = z.string().trim().min(1, 'empty');

const groupsSchema = z
	.array(
		z.strictObject({
			/** Named by a rule's `group`. */
			id: z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'a lowercase id, words joined by "-"'),
			/** The section heading. */
			title: text,
			/** The paragraph under the heading. */
			intro: text,
		}),
	)
	.min(1);

/** One group of the methodology's rule list. */
export type RuleGroup = z.infer<typeof groupsSchema>[number];

const frontMatterSchema = z.strictObject({
	/** Short name, e.g. "Verb in the tool name". */
	title: text,
	/** The `id` of a group in `_groups.yaml`. */
	group: text,
});

const bodySchema = z.strictObject({
	/** What the rule looks at. */
	reads: text,
	/** What it does to the decision. */
	does: text,
	/** Tools it fires on, with the result. */
	examples: z.array(text).min(1, 'no example'),
});

/** One documented rule. */
export interface RuleInfo extends z.infer<typeof frontMatterSchema>, z.infer<typeof bodySchema> {
	readonly id: DocumentedRuleId;
}

/** The rule texts, as the methodology page lists them. */
export interface RuleDocs {
	/** In page order. */
	readonly groups: readonly RuleGroup[];
	/** In `DOCUMENTED_RULE_IDS` order; the page lists each group's rules in this order. */
	readonly rules: readonly RuleInfo[];
}

/** One problem in the rule texts. */
export interface RuleDocProblem {
	readonly file: string;
	/** `title`, `group`, `reads`, `does`, `examples[2]`, `[1].intro`…; empty for the whole file. */
	readonly field: string;
	readonly message: string;
}

/** Thrown by `loadRuleDocs`; its message lists every problem. */
export class RuleDocsError extends Error {
	readonly problems: readonly RuleDocProblem[];
	constructor(problems: readonly RuleDocProblem[]) {
		const lines = problems.map((p) => `  ${p.file}${p.field ? `, field "${p.field}"` : ''}: ${p.message}`);
		super(`Rule texts have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
		this.name = 'RuleDocsError';
		this.problems = problems;
	}
}

/** A zod issue path as a field name: `examples[2]`, `[1].intro`. */
function fieldOf(path: readonly PropertyKey[]): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

function zodProblems(file: string, error: z.ZodError, whole: string): RuleDocProblem[] {
	return error.issues.map((issue) => ({ file, field: fieldOf(issue.path) || whole, message: issue.message }));
}

function yamlProblems(file: string, field: string, doc: ReturnType<typeof parseDocument>): RuleDocProblem[] {
	return doc.errors.map((e) => ({ file, field, message: `invalid YAML: ${e.message.split('\n')[0]}` }));
}

const SECTIONS = [
	{ heading: 'Reads', field: 'reads' },
	{ heading: 'Does', field: 'does' },
	{ heading: 'Examples', field: 'examples' },
] as const;

/** The body's sections by field, each as its lines; problems for anything outside the expected headings. */
function splitSections(file: string, body: string): { sections: Map<string, string[]>; problems: RuleDocProblem[] } {
	const sections = new Map<string, string[]>();
	const problems: RuleDocProblem[] = [];
	const expected = SECTIONS.map((s) => `"## ${s.heading}"`).join(', ');
	let current: string[] | undefined;
	let seenHeading = false;
	for (const line of body.split('\n')) {
		const heading = /^#+\s*(.*?)\s*$/.exec(line);
		if (heading) {
			seenHeading = true;
			current = undefined;
			const section = line.startsWith('## ') ? SECTIONS.find((s) => s.heading === heading[1]) : undefined;
			if (!section) problems.push({ file, field: '', message: `unexpected heading "${line.trim()}": use ${expected}` });
			else if (sections.has(section.field))
				problems.push({ file, field: section.field, message: `"## ${section.heading}" appears twice` });
			else {
				if (SECTIONS.some((later, i) => i > SECTIONS.indexOf(section) && sections.has(later.field)))
					problems.push({ file, field: section.field, message: `sections come in this order: ${expected}` });
				current = [];
				sections.set(section.field, current);
			}
			continue;
		}
		// Text under an unexpected heading is left out (its heading is reported), text before any once.
		if (current) current.push(line);
		else if (!seenHeading && line.trim() !== '') {
			problems.push({ file, field: '', message: `text outside a section: start with ${expected}` });
			seenHeading = true;
		}
	}
	for (const s of SECTIONS)
		if (!sections.has(s.field)) problems.push({ file, field: s.field, message: `no "## ${s.heading}" section` });
	return { sections, problems };
}

/** A section holding one paragraph, its lines joined. */
function paragraph(file: string, field: string, lines: readonly string[], problems: RuleDocProblem[]): string {
	const text = lines.join('\n').trim();
	if (/\n\s*\n/.test(text))
		problems.push({ file, field, message: 'one paragraph only: the page prints it as one; join the lines' });
	return text
		.split('\n')
		.map((l) => l.trim())
		.join(' ');
}

/** A section holding a `- ` list, one entry per item, each item's lines joined. */
function listItems(file: string, field: string, lines: readonly string[], problems: RuleDocProblem[]): string[] {
	const items: string[] = [];
	for (const line of lines) {
		if (line.trim() === '') continue;
		if (line.startsWith('- ')) items.push(line.slice(2).trim());
		else if (line.startsWith('  ') && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
		else
			problems.push({
				file,
				field: `${field}[${items.length}]`,
				message: 'each example is a "- " list item, continued on lines indented by two spaces',
			});
	}
	return items;
}

/**
 * Parses one rule file's text. `file` is used in messages only; the rule's id is its file name, which
 * `loadRuleDocs` checks.
 */
export function parseRuleDoc(file: string, source: string): { doc?: Omit<RuleInfo, 'id'>; problems: RuleDocProblem[] } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
	if (!match)
		return { problems: [{ file, field: 'front matter', message: 'the file must open with a --- front matter block' }] };
	const [, head = '', rawBody = ''] = match;
	const yaml = parseDocument(head, { uniqueKeys: true });
	if (yaml.errors.length > 0) return { problems: yamlProblems(file, 'front matter', yaml) };
	const front = frontMatterSchema.safeParse(yaml.toJS() ?? {});
	const { sections, problems } = splitSections(file, rawBody.replace(/\r\n/g, '\n'));
	if (!front.success) problems.unshift(...zodProblems(file, front.error, 'front matter'));
	const body = bodySchema.safeParse({
		reads: paragraph(file, 'reads', sections.get('reads') ?? [], problems),
		does: paragraph(file, 'does', sections.get('does') ?? [], problems),
		examples: listItems(file, 'examples', sections.get('examples') ?? [], problems),
	});
	if (!body.success)
		for (const p of zodProblems(file, body.error, ''))
			if (!problems.some((q) => q.field.startsWith(p.field))) problems.push(p);
	if (problems.length > 0 || !front.success || !body.success) return { problems };
	return { doc: { ...front.data, ...body.data }, problems };
}

/** Parses the group file's text. */
export function parseRuleGroups(file: string, source: string): { groups?: RuleGroup[]; problems: RuleDocProblem[] } {
	const yaml = parseDocument(source, { uniqueKeys: true });
	if (yaml.errors.length > 0) return { problems: yamlProblems(file, '', yaml) };
	const result = groupsSchema.safeParse(yaml.toJS());
	if (!result.success) return { problems: zodProblems(file, result.error, '') };
	const problems: RuleDocProblem[] = [];
	result.data.forEach((g, i) => {
		if (result.data.findIndex((other) => other.id === g.id) < i)
			problems.push({ file, field: `[${i}].id`, message: `group "${g.id}" is listed twice` });
	});
	return problems.length > 0 ? { problems } : { groups: result.data, problems };
}

/**
 * Reads and checks the rule texts of `dir`: the groups, and one document for every id in
 * `DOCUMENTED_RULE_IDS` and for nothing else, each naming a listed group, every group used.
 * Throws `RuleDocsError`, listing every problem, when anything is wrong.
 */
export function loadRuleDocs(dir: string = RULE_DOCS_DIR): RuleDocs {
	const problems: RuleDocProblem[] = [];
	const groupsFile = join(dir, RULE_GROUPS_FILE);
	const parsedGroups = existsSync(groupsFile)
		? parseRuleGroups(groupsFile, readFileSync(groupsFile, 'utf8'))
		: { problems: [{ file: groupsFile, field: '', message: 'missing: it lists the rule groups in page order' }] };
	problems.push(...parsedGroups.problems);
	const groups = parsedGroups.groups ?? [];
	const documented = new Set<string>(DOCUMENTED_RULE_IDS);
	const found = new Map<string, Omit<RuleInfo, 'id'>>();
	for (const name of readdirSync(dir).sort()) {
		const file = join(dir, name);
		if (name === RULE_GROUPS_FILE) continue;
		const id = name.endsWith('.md') ? name.slice(0, -'.md'.length) : undefined;
		if (id === undefined) {
			problems.push({
				file,
				field: '',
				message: `unexpected file: this folder holds <rule id>.md and ${RULE_GROUPS_FILE}`,
			});
			continue;
		}
		if (!documented.has(id)) {
			problems.push({
				file,
				field: '',
				message: `no rule has the id "${id}": rename the file to a rule id or remove it`,
			});
			continue;
		}
		const { doc, problems: own } = parseRuleDoc(file, readFileSync(file, 'utf8'));
		problems.push(...own);
		if (!doc) continue;
		found.set(id, doc);
		if (parsedGroups.groups && !groups.some((g) => g.id === doc.group))
			problems.push({
				file,
				field: 'group',
				message: `"${doc.group}" is not a group in ${RULE_GROUPS_FILE} (${groups.map((g) => g.id).join(', ')})`,
			});
	}
	for (const id of DOCUMENTED_RULE_IDS)
		if (!found.has(id) && !existsSync(join(dir, `${id}.md`)))
			problems.push({
				file: join(dir, `${id}.md`),
				field: '',
				message: `missing: rule "${id}" can be cited, so it needs a text`,
			});
	groups.forEach((g, i) => {
		if (found.size === documented.size && ![...found.values()].some((doc) => doc.group === g.id))
			problems.push({ file: groupsFile, field: `[${i}].id`, message: `no rule is in group "${g.id}"` });
	});
	if (problems.length > 0) throw new RuleDocsError(problems);
	return {
		groups,
		rules: DOCUMENTED_RULE_IDS.map((id) => ({ id, ...(found.get(id) as Omit<RuleInfo, 'id'>) })),
	};
}
