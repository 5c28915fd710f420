/**
 * Ingest sources: what one command names (an npm spec, a local command, a Streamable HTTP URL, a saved
 * JSON listing) and the committed list `content/sources.yaml` that `--all` ingests.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { z } from 'zod';
import { slugSchema } from '../../src/catalogue/schema.ts';
import { IngestError } from './list.ts';
import { readPrevious } from './write.ts';

/** Launch strategies, in the order they escalate. */
export const STRATEGIES = ['bare', 'placeholders', 'readme-args', 'output-names', 'curated'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Fields every source may set. */
interface Common {
	/** File name and URL segment; derived from the package or file name when absent. */
	slug?: string | undefined;
	/** Display name; the previous file's, or the package name, when absent. */
	name?: string | undefined;
	/** Curated launch arguments (`{workdir}`: the throwaway working folder). */
	args?: string[] | undefined;
	/** Curated variables to set to placeholders (names only; values are chosen by the shape of the name). */
	env?: string[] | undefined;
	/** Notes copied to `catalogued.notes`. */
	notes?: string | undefined;
	/** Repository URL of a non-npm source (npm sources take it from package.json). */
	repository?: string | undefined;
}

/** A source to ingest. */
export type Source =
	| (Common & {
			kind: 'npm';
			package: string;
			version?: string | undefined;
			from?: Strategy | undefined;
			skip?: string | undefined;
	  })
	| (Common & { kind: 'command'; command: string })
	| (Common & { kind: 'http'; url: string })
	| (Common & { kind: 'saved'; file: string });

/** How a source is named in messages and the summary. */
export function label(source: Source): string {
	switch (source.kind) {
		case 'npm':
			return `npm:${source.package}${source.version ? `@${source.version}` : ''}`;
		case 'command':
			return `command:${source.command}`;
		case 'http':
			return source.url;
		case 'saved':
			return source.file;
	}
}

/** Splits `npm:@scope/pkg@1.2.3` into name and version. */
export function parseNpmSpec(spec: string): { package: string; version?: string } {
	const m = /^(?:npm:)?((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:@([^@\s]+))?$/i.exec(spec.trim());
	if (!m)
		throw new IngestError('bad-input', `"${spec}" is not an npm spec (expected npm:name or npm:@scope/name@version)`);
	return { package: m[1] ?? '', ...(m[2] ? { version: m[2] } : {}) };
}

/** Reads one positional source: `npm:...`, an http(s) URL, or a `.json` file. */
export function parsePositional(arg: string): Source {
	if (/^https?:\/\//i.test(arg)) return { kind: 'http', url: arg };
	if (arg.startsWith('npm:')) return { kind: 'npm', ...parseNpmSpec(arg) };
	if (/\.json$/i.test(arg)) {
		if (!existsSync(arg)) throw new IngestError('bad-input', `${arg}: no such file`);
		return { kind: 'saved', file: arg };
	}
	throw new IngestError(
		'bad-input',
		`cannot tell what "${arg}" is: use npm:<package>[@version], an http(s) URL, a .json listing, or --command "<cmd>"`,
	);
}

/** Splits a command line into words, honouring single and double quotes (no other shell syntax). */
export function splitCommand(command: string): string[] {
	const words: string[] = [];
	for (const m of command.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g))
		words.push(m[1]?.replace(/\\(.)/g, '$1') ?? m[2] ?? m[3] ?? '');
	if (words.length === 0) throw new IngestError('bad-input', '--command needs a command line');
	return words;
}

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
	error: 'must be a variable name (no values: placeholders are chosen by the ingest)',
});
const entrySchema = z.strictObject({
	npm: z.string().regex(/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i, { error: 'must be an npm package name' }),
	version: z.union([z.string(), z.number()]).transform(String).optional(),
	slug: slugSchema.optional(),
	name: z.string().min(1).optional(),
	args: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
	env: z.array(envName).optional(),
	from: z.enum(STRATEGIES).optional(),
	notes: z.string().optional(),
	skip: z.string().min(1).optional(),
});
const sourcesFileSchema = z.strictObject({ sources: z.array(entrySchema) });

/** Reads `content/sources.yaml`, listing every problem with its entry. */
export function readSourcesFile(path: string): Source[] {
	if (!existsSync(path)) throw new IngestError('bad-input', `${path}: no such file`);
	const parsed = sourcesFileSchema.safeParse(parse(readFileSync(path, 'utf8')));
	if (!parsed.success) {
		throw new IngestError(
			'bad-input',
			`${path} has problems:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
		);
	}
	const seen = new Set<string>();
	return parsed.data.sources.map((e, i) => {
		if (seen.has(e.npm)) throw new IngestError('bad-input', `${path}: sources[${i}] lists ${e.npm} twice`);
		seen.add(e.npm);
		const { npm, ...rest } = e;
		return { kind: 'npm', package: npm, ...rest };
	});
}

/** Unscoped names too generic to stand alone as a slug (`@azure/mcp` is `azure-mcp`, not `mcp`). */
const GENERIC = /^(?:mcp|mcp-?server|server|server-mcp|cli|app|core|tools?|.{1,3})$/;

/** The default slug of a package: its unscoped name (with the scope when the name is generic), lowercased, dashes for anything else. */
export function slugFor(packageName: string): string {
	const clean = (s: string) =>
		s
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '');
	const unscoped = clean(packageName.replace(/^@[^/]+\//, ''));
	const scope = /^@([^/]+)\//.exec(packageName)?.[1];
	const slug = scope && GENERIC.test(unscoped) ? `${clean(scope)}-${unscoped}` : unscoped;
	return slug.slice(0, 80).replace(/-+$/, '');
}

/** A failure detail fit for a committed file: no attempt list, colour codes, sandbox paths or registry names. */
function cleanDetail(detail: string): string {
	return detail
		.replace(/\s*\[[^\]]*\]$/, '')
		.replace(/\x1b\[[0-9;]*m|\[\d+m/g, '')
		.replace(/\/tmp\/atlas-ingest-[A-Za-z0-9]+(?:\/install\/node_modules)?/g, '<sandbox>')
		.replace(/\b[\w.-]*registry[\w.-]*\.\w+/gi, '<registry>')
		.slice(0, 160)
		.trim();
}

/**
 * Marks entries of a sources file `skip: "<reason>: <message>"` from a results TSV (the last outcome of each
 * npm source wins; a later success clears the mark). Comments and order are kept.
 */
export function markSkips(sourcesPath: string, resultsPath: string): { marked: number; cleared: number } {
	const last = new Map<string, string | undefined>();
	for (const line of readFileSync(resultsPath, 'utf8').split('\n').slice(1)) {
		const [source, ok, reason, , , , detail] = line.split('\t');
		const m = /^npm:((?:@[^/@]+\/)?[^@]+)/.exec(source ?? '');
		if (m?.[1]) last.set(m[1], ok === 'yes' ? undefined : `${reason}: ${cleanDetail(detail ?? '')}`);
	}
	const doc = parseDocument(readFileSync(sourcesPath, 'utf8'));
	const list = doc.get('sources') as YAMLSeq<YAMLMap> | undefined;
	let marked = 0;
	let cleared = 0;
	for (const entry of list?.items ?? []) {
		const name = String(entry.get('npm'));
		if (!last.has(name)) continue;
		const skip = last.get(name);
		if (skip) {
			entry.set('skip', skip);
			marked++;
		} else if (entry.has('skip')) {
			entry.delete('skip');
			cleared++;
		}
	}
	writeFileSync(sourcesPath, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
	return { marked, cleared };
}

/**
 * Writes into the sources file the launch recipe each listed npm entry's catalogue file records (its
 * `args` and placeholder `env` names), for entries that name none yet, so the committed list says what
 * every server needs to start. The entry's recipe is the escalation's last step (`curated`): a run that
 * still finds the same recipe earlier records the same strategy as before, and one that no longer does
 * (a package's code or README changed where the names were found) falls back to it.
 */
export function recordRecipes(sourcesPath: string, outDir: string): { recorded: number } {
	const doc = parseDocument(readFileSync(sourcesPath, 'utf8'));
	const list = doc.get('sources') as YAMLSeq<YAMLMap> | undefined;
	let recorded = 0;
	for (const entry of list?.items ?? []) {
		const name = String(entry.get('npm'));
		if (entry.has('skip') || entry.has('args') || entry.has('env')) continue;
		const file = readPrevious(outDir, String(entry.get('slug') ?? slugFor(name)));
		if (file?.source.npm !== name || !file.launch) continue;
		const { args, env } = file.launch;
		if (!args?.length && !env?.length) continue;
		if (args?.length) entry.set('args', doc.createNode(args, { flow: true }));
		if (env?.length) entry.set('env', doc.createNode(env, { flow: true }));
		recorded++;
	}
	writeFileSync(sourcesPath, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
	return { recorded };
}
