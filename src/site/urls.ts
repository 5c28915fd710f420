/**
 * Every site path, in one place: pages, components, the site model, the search index and tests build
 * links from here, so a URL is spelled once. Pages end in a slash; files (policy.json, schemas) do not.
 */
import type { AttackFrontmatter } from '../attacks/schema.ts';
import type { Category, Level } from '../catalogue/schema.ts';
import type { FormatId } from '../policy/formats/types.ts';

/** The path segment of a level or category (`Critical` → `critical`), as its browse pages' route params use it. */
export function pathSegment(value: Level | Category): string {
	return value.toLowerCase();
}

/** The fragment id of a classifier rule, integrity signal or policy row on the methodology page. */
export function ruleAnchor(id: string): string {
	return `rule-${id}`;
}

/** Page `n` (1-based) of a paginated listing at `base`: page 1 has no number, as Astro's `paginate` builds them. */
function listingPage(base: string, n: number): string {
	return n === 1 ? base : `${base}${n}/`;
}

/** Site-relative paths. */
export const urls = {
	home: '/',
	servers: '/servers/',
	server: (server: string) => `/servers/${server}/`,
	tool: (server: string, tool: string) => `/servers/${server}/tools/${tool}/`,
	/** A tool's whole definition as plain text, hidden characters shown: only for definitions too long for its page. */
	toolDefinition: (server: string, tool: string) => `/servers/${server}/tools/${tool}/definition.txt`,
	level: (level: Level) => `/risk/${pathSegment(level)}/`,
	category: (category: Category) => `/category/${pathSegment(category)}/`,
	attacks: '/attacks/',
	/** A category's group of patterns on the attack index. */
	attackGroup: (category: AttackFrontmatter['category']) => `/attacks/#${category}`,
	attack: (id: string) => `/attacks/${id}/`,
	/** Page `n` (1-based) of the tools exposed to a pattern. */
	attackTools: (id: string, n = 1) => listingPage(`/attacks/${id}/tools/`, n),
	incidents: '/attacks/incidents/',
	/** One row of the incident timeline. */
	incident: (anchor: string) => `/attacks/incidents/#${anchor}`,
	methodology: '/methodology/',
	/** A classifier rule, integrity signal or policy row on the methodology page. */
	rule: (id: string) => `/methodology/#${ruleAnchor(id)}`,
	search: '/search/',
	/** Where each policy format's file goes and how to apply it. */
	formats: '/formats/',
	/** A server's policy file in one format. */
	serverFormatFile: (server: string, format: FormatId) => `/servers/${server}/${FORMAT_FILES[format]}`,
	policySchema: '/schemas/policy.json',
	/** JSON Schema of catalogue files. */
	catalogueSchema: '/schemas/catalogue-server.json',
	/** The API's index of every server, and its schema. */
	apiCatalogue: '/api/v1/catalogue.json',
	apiCatalogueSchema: '/schemas/api-catalogue.json',
	/** One server's API file (every tool, label and policy), and its schema. */
	apiServer: (server: string) => `/api/v1/servers/${server}.json`,
	apiServerSchema: '/schemas/api-server.json',
	/** The llms.txt summary for language models, robots.txt and the favicon. */
	llms: '/llms.txt',
	robots: '/robots.txt',
	favicon: '/favicon.svg',
	sitemap: '/sitemap-index.xml',
	/** Where the Pagefind bundle is served (and written, under the build's output folder). */
	pagefind: '/pagefind/',
	/** Where the search index's other bundles go when it is written in several (ATLAS_SHARDS, ATLAS_SHARD). */
	pagefindShards: '/pagefind-shards/',
	/** The bundle path the search page gives Pagefind's UI: Pagefind with filters loaded on demand (public/pagefind-lazy/). */
	pagefindLazy: '/pagefind-lazy/',
} as const;

/**
 * A server's downloadable policy, relative to its page: the `[file].ts` route beside each server page
 * serves it (and the other formats' files), so the link works wherever the site is mounted. Tool pages write no files: their downloads
 * are made in the browser from the snippet on the page (100,000 tools must not mean 400,000 files).
 */
export const POLICY_FILE = 'policy.json';

/** The server-level file name of each policy format, beside the server page. */
export const FORMAT_FILES: Record<FormatId, string> = {
	'policy-json': POLICY_FILE,
	'claude-code': 'claude-code.json',
	codex: 'codex.toml',
	intercept: 'intercept.yaml',
};

/**
 * A site path with the trailing slash every internal link carries (`/risk/medium/3` → `/risk/medium/3/`),
 * for URLs Astro builds itself, such as pagination's; a query or fragment stays after the slash.
 */
export function withTrailingSlash(href: string): string {
	const at = href.search(/[?#]/);
	const path = at === -1 ? href : href.slice(0, at);
	return path.endsWith('/') ? href : `${path}/${at === -1 ? '' : href.slice(at)}`;
}
