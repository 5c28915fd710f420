/**
 * The methodology's rule texts in content/rules/: one document for every rule the code can cite
 * (integrity signals included, since findings link to `#rule-<signal>`), none for a rule that does not
 * exist, and problems that name the file and the field.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INTEGRITY_SIGNALS, RULE_IDS } from '../../src/classify/index.ts';
import {
	DOCUMENTED_RULE_IDS,
	loadRuleDocs,
	parseRuleDoc,
	RULE_DOCS_DIR,
	RULE_GROUPS_FILE,
	type RuleDocProblem,
	RuleDocsError,
} from '../../src/classify/rule-docs.ts';

describe('the bundled rule texts', () => {
	const documents = readdirSync(RULE_DOCS_DIR)
		.filter((name) => name !== RULE_GROUPS_FILE)
		.map((name) => name.replace(/\.md$/, ''));

	it('give every rule id and integrity signal the code can cite a document', () => {
		const cited = [...RULE_IDS, ...INTEGRITY_SIGNALS];
		expect(new Set(cited).size).toBe(cited.length);
		expect(cited.filter((id) => !documents.includes(id))).toEqual([]);
	});

	it('name only rule ids that exist (no orphan files)', () => {
		const cited = new Set<string>([...RULE_IDS, ...INTEGRITY_SIGNALS]);
		expect(documents.filter((id) => !cited.has(id))).toEqual([]);
	});

	it('load in page order, every group used, every text written', () => {
		const { groups, rules } = loadRuleDocs();
		expect(rules.map((r) => r.id)).toEqual(DOCUMENTED_RULE_IDS);
		for (const g of groups) expect(rules.some((r) => r.group === g.id)).toBe(true);
		for (const r of rules)
			for (const text of [r.title, r.reads, r.does, ...r.examples]) expect(text.length).toBeGreaterThan(5);
	});
});

describe('parseRuleDoc', () => {
	const doc = (body: string, front = 'title: A rule\ngroup: level') => `---\n${front}\n---\n\n${body}`;

	it('joins wrapped lines and keeps the text as written', () => {
		const { doc: parsed, problems } = parseRuleDoc(
			'x.md',
			doc(
				'## Reads\n\nThe `name`\nand <IMPORTANT> tags.\n\n## Does\n\nRaises *it*.\n\n## Examples\n\n- `a` → Read;\n  then more.\n- `b`.\n',
			),
		);
		expect(problems).toEqual([]);
		expect(parsed).toEqual({
			title: 'A rule',
			group: 'level',
			reads: 'The `name` and <IMPORTANT> tags.',
			does: 'Raises *it*.',
			examples: ['`a` → Read; then more.', '`b`.'],
		});
	});

	it('names the file and the field of every problem', () => {
		const fields = (text: string) =>
			parseRuleDoc('x.md', text).problems.map((p) => `${p.file} ${p.field}: ${p.message.split(':')[0]}`);
		expect(fields(doc('## Reads\n\nr\n\n## Does\n\nd\n\n## Examples\n\n- e\n', 'group: level\ncolour: red'))).toEqual([
			'x.md title: Invalid input',
			'x.md front matter: Unrecognized key',
		]);
		expect(fields(doc('## Reads\n\nr\n\nsecond\n\n## Notes\n\nn\n\n## Examples\n\ne\n'))).toEqual([
			'x.md : unexpected heading "## Notes"',
			'x.md does: no "## Does" section',
			'x.md reads: one paragraph only',
			'x.md examples[0]: each example is a "- " list item, continued on lines indented by two spaces',
		]);
		expect(fields(doc('## Does\n\nd\n\n## Reads\n\nr\n\n## Examples\n\n- e\n'))).toEqual([
			'x.md reads: sections come in this order',
		]);
		expect(fields(doc('## Reads\n\n## Does\n\nd\n\n## Examples\n\n'))).toEqual([
			'x.md reads: empty',
			'x.md examples: no example',
		]);
		expect(fields('## Reads\n')).toEqual(['x.md front matter: the file must open with a --- front matter block']);
	});
});

describe('loadRuleDocs', () => {
	let dir: string | undefined;
	afterEach(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
		dir = undefined;
	});
	const problemsOf = (folder: string): readonly RuleDocProblem[] => {
		try {
			loadRuleDocs(folder);
		} catch (e) {
			if (e instanceof RuleDocsError) return e.problems;
			throw e;
		}
		return [];
	};

	it('reports a missing document, an orphan, an unknown group and a stray file by file and field', () => {
		dir = mkdtempSync(join(tmpdir(), 'rule-docs-'));
		cpSync(RULE_DOCS_DIR, dir, { recursive: true });
		unlinkSync(join(dir, 'money.md'));
		writeFileSync(join(dir, 'not-a-rule.md'), '---\ntitle: Orphan\ngroup: level\n---\n');
		writeFileSync(join(dir, 'notes.txt'), 'scratch');
		writeFileSync(
			join(dir, 'cost.md'),
			'---\ntitle: Compute spend\ngroup: spending\n---\n\n## Reads\n\nr\n\n## Does\n\nd\n\n## Examples\n\n- e\n',
		);
		const problems = problemsOf(dir).map((p) => ({ ...p, file: p.file.slice(dir?.length ?? 0) }));
		expect(problems).toEqual([
			{ file: '/cost.md', field: 'group', message: expect.stringContaining('"spending" is not a group') },
			{ file: '/not-a-rule.md', field: '', message: expect.stringContaining('no rule has the id "not-a-rule"') },
			{ file: '/notes.txt', field: '', message: expect.stringContaining('unexpected file') },
			{ file: '/money.md', field: '', message: expect.stringContaining('missing: rule "money"') },
		]);
	});

	it('reports a bad group file by field', () => {
		dir = mkdtempSync(join(tmpdir(), 'rule-docs-'));
		cpSync(RULE_DOCS_DIR, dir, { recursive: true });
		writeFileSync(
			join(dir, RULE_GROUPS_FILE),
			'- id: category\n  title: Category rules\n- id: Level\n  title: L\n  intro: i\n',
		);
		const problems = problemsOf(dir).filter((p) => p.file.endsWith(RULE_GROUPS_FILE));
		expect(problems.map((p) => p.field)).toEqual(['[0].intro', '[1].id']);
	});
});
