/**
 * `policy.json`: the PolicyLayer gateway document the site has always published. Every action has a
 * construct; approval is written as an always-deny rule (the format has no approval construct).
 * Browser-safe: no schema here; `policy-json.validate.ts` checks the text.
 */
import { buildServerPolicy, buildToolPolicy } from '../plan-policy.ts';
import { policyToJson } from '../policy-text.ts';
import type { Policy } from '../schema.ts';
import { downloadName } from './shared.ts';
import type { FormatWriter } from './types.ts';

/** The policy.json writer. */
export const policyJsonWriter: FormatWriter<Policy> = {
	id: 'policy-json',
	label: 'policy.json',
	fileName: downloadName('policy.json'),
	mediaType: 'application/json',
	shikiLang: 'json',
	forTool: (tool) => ({ value: buildToolPolicy(tool.name, tool.plan, tool.guards), warnings: [] }),
	forServer: (server) => ({ value: buildServerPolicy(server.tools), warnings: [] }),
	serialise: (doc) => policyToJson(doc.value),
};
