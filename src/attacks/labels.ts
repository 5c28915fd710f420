/** Display labels for attack categories. */
import type { ATTACK_CATEGORIES } from './schema.ts';

export const ATTACK_CATEGORY_LABELS: Record<(typeof ATTACK_CATEGORIES)[number], string> = {
	'tool-metadata': 'Tool metadata',
	'tool-output': 'Tool output',
	'server-implementation': 'Server implementation',
	'supply-chain': 'Supply chain',
	'protocol-and-client': 'Protocol and client',
	'agency-and-cost': 'Agency and cost',
};
