/**
 * The OWASP lists our patterns cross-reference, and the mapping table on the attacks index: for each
 * item of a list, the patterns that cite it. The table is derived from each pattern's `references`,
 * so a page and the index can never disagree.
 */
import { byCodePoint } from '../text/words.ts';
import type { AttackFrontmatter } from './schema.ts';

/** OWASP Top 10 for MCP, v0.1 (2025), as its repository's top-ten page names the items. */
export const OWASP_MCP_TOP10 = {
	MCP01: 'Token Mismanagement & Secret Exposure',
	MCP02: 'Privilege Escalation via Scope Creep',
	MCP03: 'Tool Poisoning',
	MCP04: 'Software Supply Chain Attacks & Dependency Tampering',
	MCP05: 'Command Injection & Execution',
	MCP06: 'Intent Flow Subversion',
	MCP07: 'Insufficient Authentication & Authorization',
	MCP08: 'Lack of Audit and Telemetry',
	MCP09: 'Shadow MCP Servers',
	MCP10: 'Context Injection & Over-Sharing',
} as const;

/** OWASP Top 10 for Agentic Applications (2026 edition). */
export const OWASP_AGENTIC_TOP10 = {
	ASI01: 'Agent Goal Hijack',
	ASI02: 'Tool Misuse & Exploitation',
	ASI03: 'Identity & Privilege Abuse',
	ASI04: 'Agentic Supply Chain Vulnerabilities',
	ASI05: 'Unexpected Code Execution',
	ASI06: 'Memory & Context Poisoning',
	ASI07: 'Insecure Inter-Agent Communication',
	ASI08: 'Cascading Failures',
	ASI09: 'Human-Agent Trust Exploitation',
	ASI10: 'Rogue Agents',
} as const;

/** One row of the mapping table: a list item and the patterns that cite it (in research-code order). */
export interface OwaspRow {
	id: string;
	title: string;
	patterns: { id: string; title: string; code: string }[];
}

/** The parts of a pattern the mapping reads. */
export interface OwaspMappable {
	id: string;
	data: Pick<AttackFrontmatter, 'title' | 'code' | 'references'>;
}

/**
 * One row per item of `list`, in list order, with every pattern whose `references[key]` cites it.
 * An item no pattern cites keeps its row with no patterns, so gaps stay visible.
 */
export function owaspMapping(
	attacks: readonly OwaspMappable[],
	list: Readonly<Record<string, string>>,
	key: 'owaspMcp' | 'owaspAgentic',
): OwaspRow[] {
	const ordered = [...attacks].sort((a, b) => byCodePoint(a.data.code, b.data.code));
	return Object.entries(list).map(([id, title]) => ({
		id,
		title,
		patterns: ordered
			.filter((a) => a.data.references[key].includes(id))
			.map((a) => ({ id: a.id, title: a.data.title, code: a.data.code })),
	}));
}
