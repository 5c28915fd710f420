/**
 * `policy.json`: the PolicyLayer gateway document the site has always published. Every action has a
 * construct; approval is written as an always-deny rule (the format has no approval construct).
 */
import { policyForPlan, serverPolicyForPlans } from '../recommend.ts';
import { type Policy, policySchema, policyToJson } from '../schema.ts';
import { downloadName, issueLines, tryParse } from './shared.ts';
import type { PolicyFormat } from './types.ts';

/** The policy.json format. */
export const policyJsonFormat: PolicyFormat<Policy> = {
	id: 'policy-json',
	label: 'policy.json',
	fileName: downloadName('policy.json'),
	mediaType: 'application/json',
	shikiLang: 'json',
	forTool: (tool) => ({ value: policyForPlan(tool.name, tool.plan, tool.guards), warnings: [] }),
	forServer: (server) => ({ value: serverPolicyForPlans(server.tools), warnings: [] }),
	serialise: (doc) => policyToJson(doc.value),
	validate(text) {
		const parsed = tryParse(() => JSON.parse(text) as unknown);
		if ('error' in parsed) return [`not JSON: ${parsed.error}`];
		const result = policySchema.safeParse(parsed.value);
		return result.success ? [] : issueLines(result.error.issues);
	},
};
