/** Display labels for attack categories, scopes and exposure selectors. */
import type { Category } from '../catalogue/schema.ts';
import type { Trait } from '../classify/types.ts';
import type { ATTACK_CATEGORIES, AttackScope, ExposureSelector } from './schema.ts';

/** Headings for the six attack categories, in the words the index and search filters use. */
export const ATTACK_CATEGORY_LABELS: Record<(typeof ATTACK_CATEGORIES)[number], string> = {
	'tool-metadata': 'Tool metadata',
	'tool-output': 'Tool output',
	'server-implementation': 'Server implementation',
	'supply-chain': 'Supply chain',
	'protocol-and-client': 'Protocol and client',
	'agency-and-cost': 'Agency and cost',
};

/** Where to look when a pattern has no tool trait, completing "Exposure depends on …". */
export const ATTACK_SCOPE_LABELS: Record<AttackScope, string> = {
	tool: 'what a tool can do',
	server: 'how the server is built and deployed',
	client: 'the MCP client or proxy you connect with',
};

/**
 * Short, uniform lead-ins for the trait or label that exposes a tool, so every page words the same
 * exposure the same way: "takes a URL parameter: Server-side request forgery".
 */
export const TRAIT_LABELS: Record<Trait, string> = {
	'untrusted-input': 'returns third-party content',
	'private-data': 'reads private data',
	secrets: 'handles credentials',
	egress: 'sends data out',
	'url-param': 'takes a URL parameter',
	'path-param': 'takes a file path',
	'code-param': 'takes code or commands',
	'access-change': 'changes access rights',
	// The money trait also marks amount parameters and billing objects on tools that move nothing.
	money: 'handles money or billing',
	// Only tools that really remove something carry it: a stop or restart is linked by its category.
	destroys: 'deletes or irreversibly changes',
	overwrites: 'changes existing data in place',
	cost: 'can run up costs',
	bulk: 'acts on many objects at once',
};

/** Lead-ins for `category:` selectors, in the same voice as the trait labels. */
export const CATEGORY_LABELS: Record<Category, string> = {
	Read: 'reads data',
	Write: 'changes data',
	Execute: 'runs commands or jobs',
	Destructive: 'is classed as destructive',
	Financial: 'touches money',
};

/** The short label for a selector, e.g. `trait:url-param` → "takes a URL parameter". */
export function selectorLabel(selector: ExposureSelector): string {
	if (selector === 'every-tool') return 'can be redefined by its server';
	if (selector === 'integrity') return 'has an integrity finding';
	if (selector.startsWith('trait:')) return TRAIT_LABELS[selector.slice(6) as Trait];
	return CATEGORY_LABELS[selector.slice(9) as Category];
}
