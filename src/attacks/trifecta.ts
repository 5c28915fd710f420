/**
 * The lethal trifecta at server level: does one server, by itself, hand an agent private data,
 * untrusted content and a way to send data out? The legs usually come from different servers, so a
 * server that supplies all three alone needs no other server's help to be turned against its user.
 * Pure functions of the classifier's traits.
 */
import type { Trait } from '../classify/types.ts';

/** The three legs, in the order they are usually described. */
export const TRIFECTA_LEGS = ['private-data', 'untrusted-input', 'way-out'] as const;
export type TrifectaLeg = (typeof TRIFECTA_LEGS)[number];

/** Id of the attack page that explains the pattern (server pages link to it). */
export const TRIFECTA_ATTACK_ID = 'lethal-trifecta';

/** Labels for headings and badges. */
export const TRIFECTA_LEG_LABELS: Record<TrifectaLeg, string> = {
	'private-data': 'Private data',
	'untrusted-input': 'Untrusted content',
	'way-out': 'A way out',
};

/**
 * Which traits supply each leg. Credentials count as private data. A URL parameter counts as a way
 * out because whatever the agent puts in the URL reaches the host it names, even on a "read" tool.
 */
const LEG_TRAITS: Record<TrifectaLeg, readonly Trait[]> = {
	'private-data': ['private-data', 'secrets'],
	'untrusted-input': ['untrusted-input'],
	'way-out': ['egress', 'url-param'],
};

/** The legs a tool with these traits supplies (possibly none, possibly all three). */
export function legsOf(traits: readonly Trait[]): TrifectaLeg[] {
	return TRIFECTA_LEGS.filter((leg) => LEG_TRAITS[leg].some((t) => traits.includes(t)));
}

/** Per leg, the tools that supply it, and whether every leg is covered. */
export interface Trifecta<T> {
	legs: Record<TrifectaLeg, T[]>;
	/** True when the server alone supplies all three legs. */
	complete: boolean;
}

/** Groups a server's tools by the legs they supply, keeping the input order within each leg. */
export function serverTrifecta<T>(tools: readonly T[], traitsOf: (tool: T) => readonly Trait[]): Trifecta<T> {
	const legs: Record<TrifectaLeg, T[]> = { 'private-data': [], 'untrusted-input': [], 'way-out': [] };
	for (const tool of tools) for (const leg of legsOf(traitsOf(tool))) legs[leg].push(tool);
	return { legs, complete: TRIFECTA_LEGS.every((leg) => legs[leg].length > 0) };
}
