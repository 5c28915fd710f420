import { z } from 'zod';
import type { CatalogueProblem } from '../catalogue/load.ts';
import type { Tool } from '../catalogue/schema.ts';
import type { ServerRef } from '../classify/index.ts';
import { type Rate, rateOf, rulesReading } from './agreement.ts';
import { joinLabels, loadLabelFile, parseLabelFile } from './label-file.ts';

/** The hand labels of the bundled catalogue; they name bundled tools, so only its builds read them by default. */
export const BUNDLED_HAND_LABELS = 'content/evaluation/destructive-labels.yaml';

/** One hand label. */
const handLabelSchema = z.strictObject({
	/** The catalogue server's slug. */
	server: z.string().min(1),
	/** The tool's name on that server. */
	tool: z.string().min(1),
	/** The labeller's answer to "may it perform destructive updates, or only additive ones?". */
	destructive: z.boolean(),
	/** Why, in one short sentence citing the definition's words. */
	reason: z.string().min(1),
});

/** A hand-label file: how the labels were made, then the labels. */
export const handLabelFileSchema = z.strictObject({
	/** The question the labeller answered, and the rubric, as given to them. */
	question: z.string().min(1),
	/** How the sample was drawn and how blind the labelling was. */
	method: z.string().min(1),
	/** When the labels were given (YYYY-MM-DD). */
	labelled: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	labels: z.array(handLabelSchema).min(1),
});

/** A validated hand-label file. */
export type HandLabelFile = z.infer<typeof handLabelFileSchema>;
/** One label of a `HandLabelFile`. */
export type HandLabel = HandLabelFile['labels'][number];

/** Parses a hand-label file; problems name the file, the label (`labels[3]`) and the field. */
export function parseHandLabels(file: string, text: string): { labels?: HandLabelFile; problems: CatalogueProblem[] } {
	const parsed = parseLabelFile(file, text, handLabelFileSchema);
	if (!parsed.data) return { problems: parsed.problems };
	const data = parsed.data;
	const seen = new Set<string>();
	const problems: CatalogueProblem[] = [];
	data.labels.forEach((l, i) => {
		const key = `${l.server}\u0000${l.tool}`;
		if (seen.has(key))
			problems.push({ file, entry: `labels[${i}]`, field: 'tool', message: `${l.server}/${l.tool} is labelled twice` });
		seen.add(key);
	});
	return problems.length > 0 ? { problems } : { labels: data, problems };
}

/** One catalogue tool, for `measureHandLabels`. */
export interface LabelledTool {
	readonly server: ServerRef;
	readonly tool: Tool;
}

/** How the rules and the authors score against the hand labels. */
export interface HandLabelReport {
	/** Labels whose tool is in the catalogue measured. */
	readonly measured: number;
	/** Labels naming a tool the catalogue does not have, as `server/tool`: reported, never dropped silently. */
	readonly missing: readonly string[];
	/** Hand labels that say destructive. */
	readonly destructive: number;
	/** How often the rules' answer (annotations and curation withheld) agrees with the hand label. */
	readonly rules: Rate;
	/** The same for the authors' declared hint (a read-only claim answers no), over the tools that declare one. */
	readonly authors: Rate;
	/** Where the rules and the hand label differ. */
	readonly rulesDisagree: readonly { server: string; tool: string; hand: boolean; reason: string }[];
}

/** Scores the rules (with annotations and curation withheld) and the authors' hints against hand labels. */
export function measureHandLabels(labels: readonly HandLabel[], tools: Iterable<LabelledTool>): HandLabelReport {
	const { found: joined, missing } = joinLabels(labels, tools);
	const rulesDisagree: HandLabelReport['rulesDisagree'][number][] = [];
	let measured = 0;
	let destructive = 0;
	let rulesAgreed = 0;
	let authorsMeasured = 0;
	let authorsAgreed = 0;
	for (const { label, found } of joined) {
		measured++;
		if (label.destructive) destructive++;
		if (rulesReading(found.tool, found.server).destructive === label.destructive) rulesAgreed++;
		else rulesDisagree.push({ server: label.server, tool: label.tool, hand: label.destructive, reason: label.reason });
		const a = found.tool.annotations;
		const declared = a?.readOnlyHint === true ? false : a?.destructiveHint;
		if (declared !== undefined) {
			authorsMeasured++;
			if (declared === label.destructive) authorsAgreed++;
		}
	}
	return {
		measured,
		missing,
		destructive,
		rules: rateOf(measured, rulesAgreed),
		authors: rateOf(authorsMeasured, authorsAgreed),
		rulesDisagree,
	};
}

/**
 * Reads a hand-label file, or undefined when there is none (a private catalogue need not have one).
 * Throws `CatalogueError`, listing every problem, when the file is invalid.
 */
export function loadHandLabels(file: string): HandLabelFile | undefined {
	return loadLabelFile(file, parseHandLabels);
}
