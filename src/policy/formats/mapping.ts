/**
 * The mapping table, written once: what each of our actions becomes in each format, whether that is
 * exact or the closest safe construct, and why. The format modules, the tool pages and the `/formats/`
 * page all read it. Sources are cited on `/formats/` (see `guides.ts`).
 */
import type { MappingTable } from './types.ts';

const NO_CAP_CLAUDE =
	'Claude Code has no rate limit, so a person approves each call instead; the cap itself is not enforced by Claude Code.';
const NO_CAP_CODEX =
	'Codex has no rate limit for MCP tools, so a person approves each call instead; the cap itself is not enforced by Codex.';

/** Our five actions → each format's construct. */
export const FORMAT_MAPPING: MappingTable = {
	'policy-json': {
		allow: {
			construct: 'tools.T: {}',
			fidelity: 'exact',
			note: 'The policy denies by default; listing the tool allows it.',
		},
		'rate-limit': {
			construct: 'tools.T.limits: [{counter, window, max, scope: "grant"}]',
			fidelity: 'exact',
			note: '',
		},
		approve: {
			construct: 'tools.T.deny_if: [{conditions: [], on_deny: "Requires human approval."}]',
			fidelity: 'closest-safe',
			note: 'policy.json has no approval construct: the call is denied with a "requires human approval" message, and a gateway with an approval flow releases the calls a person approves.',
		},
		deny: { construct: 'tools.T.deny_if: [{conditions: [], on_deny}]', fidelity: 'exact', note: '' },
		hide: { construct: 'hide: ["T"]', fidelity: 'exact', note: '' },
	},
	'claude-code': {
		allow: { construct: 'permissions.allow: ["mcp__S__T"]', fidelity: 'exact', note: 'Runs without a prompt.' },
		'rate-limit': { construct: 'permissions.ask: ["mcp__S__T"]', fidelity: 'closest-safe', note: NO_CAP_CLAUDE },
		approve: {
			construct: 'permissions.ask: ["mcp__S__T"]',
			fidelity: 'exact',
			note: 'Claude Code prompts a person before every call.',
		},
		deny: { construct: 'permissions.deny: ["mcp__S__T"]', fidelity: 'exact', note: '' },
		hide: {
			construct: 'permissions.deny: ["mcp__S__T"]',
			fidelity: 'closest-safe',
			note: 'Claude Code has no per-tool hide; a deny rule refuses every call, but whether the tool leaves the model’s tool list is not documented.',
		},
	},
	codex: {
		allow: {
			construct: '[mcp_servers.S.tools.T] approval_mode = "approve"',
			fidelity: 'exact',
			note: 'Runs without asking (Codex may still apply its own safety review).',
		},
		'rate-limit': {
			construct: '[mcp_servers.S.tools.T] approval_mode = "prompt"',
			fidelity: 'closest-safe',
			note: NO_CAP_CODEX,
		},
		approve: {
			construct: '[mcp_servers.S.tools.T] approval_mode = "prompt"',
			fidelity: 'exact',
			note: 'Codex asks before every call, except in full-access mode; with approval_policy = "never" newer builds deny the call instead.',
		},
		deny: {
			construct: 'disabled_tools = ["T"]',
			fidelity: 'closest-safe',
			note: 'Codex has no visible-but-refused state: a disabled tool is removed from the model’s tool list.',
		},
		hide: { construct: 'disabled_tools = ["T"]', fidelity: 'exact', note: '' },
	},
	intercept: {
		allow: {
			construct: 'tools.T.rules: []',
			fidelity: 'exact',
			note: 'The file sets default: deny; listing the tool allows it.',
		},
		'rate-limit': { construct: 'tools.T.rules: [{name, rate_limit: "N/window"}]', fidelity: 'exact', note: '' },
		approve: {
			construct: 'tools.T.rules: [{name, action: deny, on_deny: "Requires human approval."}]',
			fidelity: 'closest-safe',
			note: 'Intercept’s documented rule actions are evaluate and deny only; the call is denied with a "requires human approval" message.',
		},
		deny: { construct: 'tools.T.rules: [{name, action: deny, on_deny}]', fidelity: 'exact', note: '' },
		hide: { construct: 'hide: ["T"]', fidelity: 'exact', note: '' },
	},
};
