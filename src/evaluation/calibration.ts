/**
 * The calibration set: tools labelled blind, twice and independently, by the rubric recorded in the file
 * (category, level, read-only and the MCP sense of destructive), disagreements then resolved. The set is
 * split once, by server, into a development half that rule changes may be tuned on and a held-out half
 * that they may not; `measureCalibration` scores the rules against the resolved labels of each half, with
 * 95% confidence intervals, and reports how often the two labellers agreed before resolution.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CatalogueProblem } from '../catalogue/load.ts';
import { CATEGORIES, LEVELS, type Level } from '../catalogue/schema.ts';
import { type Rate, rateOf, rulesReading } from './agreement.ts';
import type { LabelledTool } from './hand-labels.ts';
import { joinLabels, loadLabelFile, parseLabelFile } from './label-file.ts';

/** The calibration labels of the bundled catalogue. */
export const BUNDLED_CALIBRATION = 'content/evaluation/calibration-labels.yaml';

/**
 * The half a server's tools belong to: the SHA-1 of `split/<slug>` with an even first byte is development.
 * By server, so no server's conventions appear on both sides.
 */
export function splitOf(server: string): 'dev' | 'held-out' {
	const first = Number.parseInt(createHash('sha1').update(`split/${server}`).digest('hex').slice(0, 2), 16);
	return first % 2 === 0 ? 'dev' : 'held-out';
}

/** Targets on the held-out half. */
export const CALIBRATION_TARGETS = {
	category: 0.93,
	levelExact: 0.8,
	readOnly: 0.97,
	destructiveRecall: 0.85,
	destructivePrecision: 0.9,
} as const;

/** One labeller's answers for one tool. */
const answerSchema = z.strictObject({
	/** What the worst valid call does. */
	category: z.enum(CATEGORIES),
	/** The blast radius of one bad call. */
	level: z.enum(LEVELS),
	/** Every valid call only reads (the MCP readOnlyHint). */
	readOnly: z.boolean(),
	/** Some valid call may change or remove existing state (the MCP destructiveHint). */
	destructive: z.boolean(),
	/** One short sentence citing the definition. */
	reason: z.string().min(1),
});

/** One labelled tool. */
const calibrationLabelSchema = z.strictObject({
	/** The catalogue server's slug. */
	server: z.string().min(1),
	/** The tool's name on that server. */
	tool: z.string().min(1),
	/** `dev` may be tuned on; `held-out` may not. Split by server, once, before any rule change. */
	split: z.enum(['dev', 'held-out']),
	/** The first labeller's answers, as given. */
	first: answerSchema,
	/** The second labeller's answers, given independently. */
	second: answerSchema,
	/** The answers scored against: the shared answer, or the resolution of a disagreement. */
	final: answerSchema.extend({
		/** How a disagreement was resolved; absent when the labellers agreed on every field. */
		resolution: z.string().min(1).optional(),
	}),
});

/** A calibration label file. */
const calibrationFileSchema = z.strictObject({
	/** The rubric exactly as the labellers were given it. */
	rubric: z.string().min(1),
	/** How the sample was drawn, who labelled it and how blind the labelling was. */
	method: z.string().min(1),
	/** When the labels were given (YYYY-MM-DD). */
	labelled: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	labels: z.array(calibrationLabelSchema).min(1),
});

/** A validated calibration file. */
export type CalibrationFile = z.infer<typeof calibrationFileSchema>;
/** One label of a calibration file. */
export type CalibrationLabel = CalibrationFile['labels'][number];
/** The fields both labellers answer. */
const ANSWER_FIELDS = ['category', 'level', 'readOnly', 'destructive'] as const;

/** A rate with its Wilson 95% confidence interval. */
export interface Estimate extends Rate {
	/** Wilson score interval (95%), undefined when nothing was measured. */
	readonly low: number | undefined;
	readonly high: number | undefined;
}

/** The Wilson score interval at 95% for `agreed` of `measured`. */
export function estimate(measured: number, agreed: number): Estimate {
	if (measured === 0) return { ...rateOf(measured, agreed), low: undefined, high: undefined };
	const z = 1.959964;
	const p = agreed / measured;
	const denom = 1 + (z * z) / measured;
	const centre = (p + (z * z) / (2 * measured)) / denom;
	const half = (z * Math.sqrt((p * (1 - p)) / measured + (z * z) / (4 * measured * measured))) / denom;
	return { measured, agreed, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** One half's scores of the rules against the resolved labels. */
export interface CalibrationScores {
	readonly tools: number;
	readonly category: Estimate;
	readonly levelExact: Estimate;
	readonly levelWithinOne: Estimate;
	readonly readOnly: Estimate;
	/** Of the tools labelled destructive, how many the rules call destructive. */
	readonly destructiveRecall: Estimate;
	/** Of the tools the rules call destructive, how many are labelled destructive. */
	readonly destructivePrecision: Estimate;
	/** Rules level minus label level, counted by step (-3 … 3). */
	readonly levelDelta: Readonly<Record<string, number>>;
	/** Tools two or more levels away from their label. */
	readonly farOff: readonly { server: string; tool: string; rules: Level; label: Level }[];
	/** Every disagreement on category or level, for reading (development half only: held-out is never read). */
	readonly disagreements: readonly {
		server: string;
		tool: string;
		rules: string;
		label: string;
		reason: string;
	}[];
}

/** The whole calibration report. */
export interface CalibrationReport {
	readonly labels: number;
	/** Labels naming a tool the catalogue does not have: reported, never dropped silently. */
	readonly missing: readonly string[];
	/** How often the two labellers agreed before resolution, per field, over every label. */
	readonly labellers: Readonly<Record<(typeof ANSWER_FIELDS)[number] | 'all', Estimate>>;
	readonly dev: CalibrationScores;
	readonly heldOut: CalibrationScores;
}

const levelIndex = (level: Level) => LEVELS.indexOf(level);

/** Scores one half. */
function score(items: readonly { label: CalibrationLabel; found: LabelledTool }[], listDisagreements: boolean) {
	let category = 0;
	let exact = 0;
	let withinOne = 0;
	let readOnly = 0;
	let labelDestructive = 0;
	let rulesDestructive = 0;
	let bothDestructive = 0;
	const levelDelta: Record<string, number> = {};
	const farOff: CalibrationScores['farOff'][number][] = [];
	const disagreements: CalibrationScores['disagreements'][number][] = [];
	for (const { label, found } of items) {
		const { decision, destructive } = rulesReading(found.tool, found.server);
		const want = label.final;
		const delta = levelIndex(decision.level) - levelIndex(want.level);
		levelDelta[String(delta)] = (levelDelta[String(delta)] ?? 0) + 1;
		if (decision.category === want.category) category++;
		if (delta === 0) exact++;
		if (Math.abs(delta) <= 1) withinOne++;
		else farOff.push({ server: label.server, tool: label.tool, rules: decision.level, label: want.level });
		if ((decision.category === 'Read') === want.readOnly) readOnly++;
		const rulesSay = decision.category !== 'Read' && destructive;
		if (want.destructive) labelDestructive++;
		if (rulesSay) rulesDestructive++;
		if (want.destructive && rulesSay) bothDestructive++;
		if (listDisagreements && (decision.category !== want.category || delta !== 0))
			disagreements.push({
				server: label.server,
				tool: label.tool,
				rules: `${decision.category}/${decision.level}`,
				label: `${want.category}/${want.level}`,
				reason: want.reason,
			});
	}
	const n = items.length;
	return {
		tools: n,
		category: estimate(n, category),
		levelExact: estimate(n, exact),
		levelWithinOne: estimate(n, withinOne),
		readOnly: estimate(n, readOnly),
		destructiveRecall: estimate(labelDestructive, bothDestructive),
		destructivePrecision: estimate(rulesDestructive, bothDestructive),
		levelDelta,
		farOff,
		disagreements,
	};
}

/** Scores the rules (annotations and curation withheld) against the resolved labels of each half. */
export function measureCalibration(
	labels: readonly CalibrationLabel[],
	tools: Iterable<LabelledTool>,
): CalibrationReport {
	const { found, missing } = joinLabels(labels, tools);
	const dev = found.filter((f) => f.label.split === 'dev');
	const heldOut = found.filter((f) => f.label.split === 'held-out');
	const same = (l: CalibrationLabel, f: (typeof ANSWER_FIELDS)[number]) => l.first[f] === l.second[f];
	const labellers = Object.fromEntries([
		...ANSWER_FIELDS.map((f) => [f, estimate(labels.length, labels.filter((l) => same(l, f)).length)]),
		['all', estimate(labels.length, labels.filter((l) => ANSWER_FIELDS.every((f) => same(l, f))).length)],
	]) as CalibrationReport['labellers'];
	return {
		labels: labels.length,
		missing,
		labellers,
		dev: score(dev, true),
		heldOut: score(heldOut, false),
	};
}

/** Parses a calibration file; problems name the file, the label (`labels[3]`) and the field. */
export function parseCalibration(
	file: string,
	text: string,
): { labels?: CalibrationFile; problems: CatalogueProblem[] } {
	const parsed = parseLabelFile(file, text, calibrationFileSchema);
	if (!parsed.data) return { problems: parsed.problems };
	const data = parsed.data;
	const problems: CatalogueProblem[] = [];
	const seen = new Set<string>();
	data.labels.forEach((l, i) => {
		const key = `${l.server}/${l.tool}`;
		if (seen.has(key))
			problems.push({ file, entry: `labels[${i}]`, field: 'tool', message: `duplicate label for ${key}` });
		seen.add(key);
		for (const who of ['first', 'second', 'final'] as const)
			if (l[who].readOnly && l[who].destructive)
				problems.push({
					file,
					entry: `labels[${i}]`,
					field: `${who}.destructive`,
					message: 'read-only cannot be destructive',
				});
		const agreed = ANSWER_FIELDS.every((f) => l.first[f] === l.second[f]);
		if (!agreed && l.final.resolution === undefined)
			problems.push({
				file,
				entry: `labels[${i}]`,
				field: 'final.resolution',
				message: 'the labellers disagree: say how it was resolved',
			});
	});
	return problems.length ? { problems } : { labels: data, problems };
}

/** Reads a calibration file, or undefined when there is none; throws `CatalogueError` when it is invalid. */
export function loadCalibration(file: string): CalibrationFile | undefined {
	return loadLabelFile(file, parseCalibration);
}
