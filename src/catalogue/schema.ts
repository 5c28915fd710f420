/**
 * Zod schemas for catalogue files: `content/servers/<slug>.yaml`, one MCP server per file.
 *
 * The tool records mirror what `tools/list` returns (MCP spec 2025-11-25) so an ingest can write them
 * verbatim; everything else is provenance and optional curation. Records are strict: a typo in a key
 * is an error, not a silently ignored field. This module is plain TypeScript (no Astro imports) so the
 * build, the scripts and the tests share one definition.
 */
import { z } from 'zod';
import { countHidden } from '../text/reveal.ts';

/** Risk categories, lowest precedence first. Precedence when several apply: Financial > Destructive > Execute > Write > Read. */
export const CATEGORIES = ['Read', 'Write', 'Execute', 'Destructive', 'Financial'] as const;
/** Risk levels, in increasing order of severity. */
export const LEVELS = ['Low', 'Medium', 'High', 'Critical'] as const;

export const categorySchema = z
	.enum(CATEGORIES)
	.describe('Risk category: Read, Write, Execute, Destructive or Financial.');
export const levelSchema = z.enum(LEVELS).describe('Risk level: Low, Medium, High or Critical.');

/**
 * Only absolute http(s) URLs may reach an href: catalogue text is third-party and hostile by default. An
 * invisible character in a URL would reach the href as it is (an href is not text to reveal), so none may.
 */
export const httpUrlSchema = z
	.string()
	.regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, { error: 'must be an absolute http(s) URL' })
	.refine((url) => countHidden(url) === 0, { error: 'must not contain invisible characters' })
	.describe('An absolute http(s) URL.');

/**
 * A free-form object kept exactly as declared. Not `z.record`: zod rebuilds a record into a new object and
 * drops a `__proto__` key on the way, so a schema property or metadata key named `__proto__` would vanish.
 * This checks the shape and returns the object itself; its JSON Schema is the one `z.record` would give.
 */
function verbatimObject() {
	return z
		.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
			error: (issue) => `expected an object, received ${describeInput(issue.input)}`,
		})
		.meta({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} });
}

function describeInput(input: unknown): string {
	return input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
}

/** A JSON Schema object as a server declares it; its content is free-form third-party data. */
const jsonSchemaObject = verbatimObject();

/** MCP tool annotations: the server author's claims, never verified. Spec defaults apply when absent. */
export const annotationsSchema = z
	.strictObject({
		/** Human-readable title declared inside annotations (older servers put it here). */
		title: z.string().optional().describe('Display title declared inside annotations.'),
		/** Claims the tool does not modify its environment. Spec default: false. */
		readOnlyHint: z.boolean().optional().describe('Claims the tool does not modify its environment (default false).'),
		/** Claims the tool may perform destructive updates. Spec default: true. */
		destructiveHint: z.boolean().optional().describe('Claims the tool may perform destructive updates (default true).'),
		/** Claims repeated calls with the same arguments have no extra effect. Spec default: false. */
		idempotentHint: z
			.boolean()
			.optional()
			.describe('Claims repeated identical calls have no additional effect (default false).'),
		/** Claims the tool interacts with an open world of external entities. Spec default: true. */
		openWorldHint: z
			.boolean()
			.optional()
			.describe('Claims the tool reaches an open world of external entities (default true).'),
	})
	.describe('MCP tool annotations, as declared by the server (unverified claims).');

/** A curated correction: wins over the rules and is shown as such, with its reason, on the tool page. */
export const curatedSchema = z
	.strictObject({
		/** Category that replaces the classifier's. */
		category: categorySchema.optional(),
		/** Level that replaces the classifier's. */
		level: levelSchema.optional(),
		/** Why the rules are overridden; published on the tool page. */
		reason: z
			.string()
			.trim()
			.min(10, { error: 'must explain the override in at least 10 characters' })
			.describe('Why the rules are overridden; shown on the tool page.'),
	})
	.refine((c) => c.category !== undefined || c.level !== undefined, {
		error: 'must set a category, a level, or both',
	})
	.describe('Curated override of the classifier, with a written reason.');

/**
 * An ingest flag: the server returned an inputSchema that is not an object schema. The tool keeps a
 * placeholder `{type: object}` as its inputSchema so it can be classified; the original is kept here.
 */
export const invalidSchemaSchema = z
	.strictObject({
		/** What was wrong, e.g. `inputSchema has no "type": "object"`. */
		reason: z.string().min(1).describe('What was wrong with the declared inputSchema.'),
		/** The inputSchema exactly as returned (absent when the server sent none). */
		original: z.unknown().optional().describe('The inputSchema exactly as the server returned it.'),
	})
	.describe('Ingest flag: the declared inputSchema was invalid; inputSchema holds a placeholder.');

/** One tool, exactly as `tools/list` returned it, plus optional curation. */
export const toolSchema = z
	.strictObject({
		/** The tool's programmatic name, unique within its server. */
		name: z
			.string()
			.min(1, { error: 'must not be empty', abort: true })
			.refine((s) => s.trim().length > 0, { error: 'must not be blank' })
			.describe('Programmatic tool name, unique within the server.'),
		/** Display title (MCP 2025-06-18 and later). */
		title: z.string().optional().describe('Display title.'),
		/** The tool's own description: untrusted text, rendered escaped. */
		description: z.string().optional().describe('Description as declared by the server (untrusted text).'),
		/** JSON Schema of the arguments; the spec requires an object schema. */
		inputSchema: jsonSchemaObject
			.refine((s) => s.type === 'object', { error: 'must be a JSON Schema with "type": "object"' })
			.describe('JSON Schema for the tool arguments (type "object").'),
		/** JSON Schema of structured results, when declared. */
		outputSchema: jsonSchemaObject.optional().describe('JSON Schema for structured results, when declared.'),
		/** Behaviour hints declared by the server. */
		annotations: annotationsSchema.optional(),
		/** Icons declared by the server (kept verbatim, never rendered as images). */
		icons: z.array(z.unknown()).optional().describe('Icons as declared (kept, not rendered).'),
		/** Execution hints such as task support (kept verbatim). */
		execution: verbatimObject().optional().describe('Execution hints as declared (kept verbatim).'),
		/** Vendor metadata (kept verbatim). */
		_meta: verbatimObject().optional().describe('Vendor metadata as declared (kept verbatim).'),
		/** Our curated correction, if any (not part of the server's answer). */
		curated: curatedSchema.optional(),
		/** Set by the ingest when the server's inputSchema was not a JSON Schema object (the SDK rejected the page). */
		invalidSchema: invalidSchemaSchema.optional(),
		/** Fields the server returned that the catalogue schema does not model (or in an unexpected shape), kept verbatim by the ingest. */
		unknownFields: verbatimObject()
			.optional()
			.describe('Fields returned outside the MCP tool shape, kept verbatim (annotations.X for annotation keys).'),
	})
	.describe('One MCP tool as returned by tools/list, plus optional curation.');

/** Where a server comes from. At least one locator is required so readers can find the code. */
export const sourceSchema = z
	.strictObject({
		/** npm package name, e.g. `@modelcontextprotocol/server-memory`. */
		npm: z
			.string()
			.regex(/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i, { error: 'must be an npm package name' })
			.optional()
			.describe('npm package name.'),
		/** PyPI package name. */
		pypi: z.string().min(1).optional().describe('PyPI package name.'),
		/** Package or server version the tools were listed from. */
		version: z.string().min(1).optional().describe('Package version the tool list was taken from.'),
		/** Source repository URL. */
		repository: httpUrlSchema.optional().describe('Source repository URL.'),
		/** A short repository reference such as `owner/name` when no URL is known. */
		repositoryRef: z
			.string()
			.regex(/^[\w.-]+\/[\w.-]+$/, { error: 'must look like owner/name' })
			.optional()
			.describe('Repository reference owner/name when no URL is known.'),
		/** Project home page. */
		homepage: httpUrlSchema.optional().describe('Project home page URL.'),
	})
	.refine((s) => Boolean(s.npm || s.pypi || s.repository || s.repositoryRef || s.homepage), {
		error: 'must name at least one of npm, pypi, repository, repositoryRef or homepage',
	})
	.describe('Where the server comes from.');

/** How and when the tool list was obtained. */
export const cataloguedSchema = z
	.strictObject({
		/** Calendar date (UTC) the tools were catalogued, YYYY-MM-DD. */
		date: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }).describe('Date catalogued (YYYY-MM-DD, UTC).'),
		/** How the tool list was obtained. */
		method: z
			.enum(['tools-list', 'seed-page', 'manual', 'source-parse'])
			.describe(
				"tools-list: asked the server over MCP; seed-page: transcribed from a published catalogue page; manual: written by hand; source-parse: read statically from the server's source code.",
			),
		/** Free-text provenance: the launch recipe (variable names only, never values) or the page read. */
		via: z.string().min(1).describe('How the list was obtained: launch recipe (variable names only) or page read.'),
		/** Tool count a third-party source claims for this server, when it differs from what we hold. */
		claimedToolCount: z.int().positive().optional().describe('Tool count claimed by a third-party source.'),
		/** Who claims `claimedToolCount`. */
		claimedBy: z.string().min(1).optional().describe('Who claims claimedToolCount.'),
		/** Anything a reader should know about the completeness of this record. */
		notes: z.string().optional().describe('Notes on completeness or provenance.'),
	})
	.refine((c) => (c.claimedToolCount === undefined) === (c.claimedBy === undefined), {
		error: 'claimedToolCount and claimedBy go together',
	})
	.describe('Provenance of the tool list.');

/** `serverInfo` as the server reported it in `initialize`. */
export const serverInfoSchema = z
	.strictObject({
		name: z.string().describe('Server name reported in initialize.'),
		version: z.string().optional().describe('Server version reported in initialize.'),
		title: z.string().optional().describe('Server title reported in initialize.'),
		description: z.string().optional().describe('Server description reported in initialize.'),
		websiteUrl: z.string().optional().describe('Website URL reported in initialize (text, never linked).'),
		icons: z.array(z.unknown()).optional().describe('Icons reported in initialize (kept, not rendered).'),
		/** Fields outside the modelled shape (and modelled fields of another type), kept verbatim. */
		unknownFields: verbatimObject().optional().describe('serverInfo fields outside the modelled shape, kept verbatim.'),
	})
	.describe('serverInfo reported by the server.');

/** Environment variable names: recorded so a launch can be reproduced, never with their values. */
const envNameSchema = z
	.string()
	.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'must be a variable name (values are never recorded)' });

/** How the ingest launched the server: enough to reproduce the listing, with variable names only. */
export const launchSchema = z
	.strictObject({
		/** stdio (a sandboxed process) or http (a Streamable HTTP URL); saved for a saved listing. */
		transport: z.enum(['stdio', 'http', 'saved']).describe('How the server was reached.'),
		/** The launch strategy that first worked (they escalate: bare, placeholders, readme-args, output-names, curated). */
		strategy: z
			.enum(['bare', 'placeholders', 'readme-args', 'output-names', 'curated', 'command'])
			.optional()
			.describe('The launch strategy that first worked.'),
		/** The package bin that was run. */
		bin: z.string().min(1).optional().describe('The package bin that was run.'),
		/** Server arguments; `{workdir}` stands for the throwaway working folder. */
		args: z.array(z.string()).optional().describe('Server arguments ({workdir}: the throwaway working folder).'),
		/** Variables set to placeholders (names only). */
		env: z.array(envNameSchema).optional().describe('Variables set to placeholder values (names only, never values).'),
		/** True when the package's native addons had to be rebuilt (`npm rebuild`, offline, sandboxed) before it would start. */
		nativeRebuild: z
			.literal(true)
			.optional()
			.describe('The native addons were rebuilt (npm rebuild, offline) before the server would start.'),
		/** Pages of tools/list read. */
		pages: z.int().positive().optional().describe('Pages of tools/list read.'),
		/** Lines the server printed on stdout that were not protocol messages (a quality flag). */
		stdoutNoiseLines: z.int().positive().optional().describe('Non-protocol lines the server printed on stdout.'),
	})
	.describe('Launch recipe of the listing (variable names only).');

/** One change of a server's tool list, recorded by the ingest when a re-ingest found a difference. */
export const historyEntrySchema = z
	.strictObject({
		/** Date of the ingest that saw the change (YYYY-MM-DD, UTC). */
		date: z.iso
			.date({ error: 'must be a date written YYYY-MM-DD' })
			.describe('Date of the ingest that saw the change.'),
		/** Package version listed then. */
		version: z.string().min(1).optional().describe('Package version listed then.'),
		/** Tool count after the change. */
		tools: z.int().nonnegative().describe('Tool count after the change.'),
		/** True on the entry of the first listing. */
		first: z.literal(true).optional().describe('The first listing of this server.'),
		/** Tools that appeared. */
		added: z.array(z.string()).optional().describe('Tools that appeared.'),
		/** Tools that disappeared. */
		removed: z.array(z.string()).optional().describe('Tools that disappeared.'),
		/** Tools whose definition changed. */
		changed: z.array(z.string()).optional().describe('Tools whose definition changed.'),
	})
	.describe('One change of the tool list.');

/** Server slugs become URL segments and file names: lowercase, digits and dashes only. */
export const slugSchema = z
	.string()
	.regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, {
		error: 'must be lowercase letters, digits and dashes (max 80), not starting or ending with a dash',
	})
	.describe('URL slug: lowercase letters, digits and dashes.');

/** One catalogue file: a server, its provenance and its tools. */
export const serverFileSchema = z
	.strictObject({
		/** URL slug; must equal the file name without `.yaml`. */
		slug: slugSchema,
		/** Display name. */
		name: z.string().trim().min(1, { error: 'must not be empty' }).describe('Display name of the server.'),
		/** What the server is for, in our words or the author's. */
		description: z.string().optional().describe('What the server is for.'),
		/** Licence identifier when known (SPDX where possible). */
		license: z.string().min(1).optional().describe('Licence when known (SPDX identifier where possible).'),
		source: sourceSchema,
		catalogued: cataloguedSchema,
		serverInfo: serverInfoSchema.optional(),
		/** Protocol version negotiated in `initialize`. */
		protocolVersion: z.string().optional().describe('MCP protocol version negotiated in initialize.'),
		/** Server capabilities reported in `initialize` (kept verbatim). */
		capabilities: verbatimObject().optional().describe('Capabilities reported in initialize (verbatim).'),
		/** How the ingest launched the server (absent for hand-written records). */
		launch: launchSchema.optional(),
		/** Changes of the tool list seen by re-ingests, newest first (capped). */
		history: z.array(historyEntrySchema).optional().describe('Changes of the tool list, newest first.'),
		/** The tools, in the order the server listed them. */
		tools: z
			.array(toolSchema)
			.min(1, { error: 'must list at least one tool' })
			.describe('Tools in the order the server listed them.'),
		/** Later definitions of tool names the server listed more than once (the first is in `tools`), kept by the ingest. */
		duplicateTools: z
			.array(toolSchema)
			.min(1)
			.optional()
			.describe(
				'Later definitions of tool names the server listed more than once, kept verbatim; MCP requires unique names, and the first definition is in tools.',
			),
	})
	.superRefine((server, ctx) => {
		const seen = new Map<string, number>();
		server.tools.forEach((tool, index) => {
			const first = seen.get(tool.name);
			if (first !== undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['tools', index, 'name'],
					message: `duplicate tool name "${tool.name}" (first at tools[${first}])`,
				});
			} else {
				seen.set(tool.name, index);
			}
		});
	})
	.describe('A Policy Atlas catalogue file: one MCP server and its tools.');

export type Category = (typeof CATEGORIES)[number];
export type Level = (typeof LEVELS)[number];
export type Annotations = z.infer<typeof annotationsSchema>;
export type Curated = z.infer<typeof curatedSchema>;
export type Tool = z.infer<typeof toolSchema>;
export type ServerFile = z.infer<typeof serverFileSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type Launch = z.infer<typeof launchSchema>;
