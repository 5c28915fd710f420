/**
 * Measures the classifier against the behaviour hints server authors declared, with the hints (and
 * curated overrides) withheld from the classifier: read/non-read and destructive/not agreement, the
 * confusion tables, and every disagreeing tool. Exits 0 whether or not the targets are met, and says
 * which. See `src/evaluation/agreement.ts` for exactly what is compared.
 *
 *   npm run --silent evaluate                                 # the bundled catalogue (or $ATLAS_CATALOGUE)
 *   npm run --silent evaluate -- --catalogue <dir>            # another catalogue folder
 *   npm run --silent evaluate -- --dump <file> [--dump …]     # tools/list dumps instead, e.g. ../shared/seed-servers/*.json
 *   npm run --silent evaluate -- --labels <file>              # hand labels to score against (default: content/evaluation/destructive-labels.yaml)
 *   npm run --silent evaluate -- --calibration <file>         # calibration labels (default: content/evaluation/calibration-labels.yaml)
 *   npm run --silent evaluate -- --json                       # the report as one JSON object
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOGUE_FILE, CatalogueError, formatProblems, parseServerFile } from '../src/catalogue/load.ts';
import { CATEGORIES } from '../src/catalogue/schema.ts';
import {
	type AgreementItem,
	type AgreementReport,
	DECLARED_ROWS,
	type Measure,
	measureAgreement,
} from '../src/evaluation/agreement.ts';
import {
	BUNDLED_CALIBRATION,
	CALIBRATION_TARGETS,
	type CalibrationFile,
	type CalibrationReport,
	type CalibrationScores,
	type Estimate,
	loadCalibration,
	measureCalibration,
} from '../src/evaluation/calibration.ts';
import {
	BUNDLED_HAND_LABELS,
	type HandLabelFile,
	type HandLabelReport,
	loadHandLabels,
	measureHandLabels,
} from '../src/evaluation/hand-labels.ts';
import { percent as pct } from '../src/text/words.ts';
import { InputError, readToolsInput } from './lib/classify-input.ts';

const USAGE =
	'usage: npm run --silent evaluate -- [--catalogue <dir>] [--dump <file> …] [--labels <file>] [--calibration <file>] [--json]';

/**
 * Every tool of a catalogue folder. Files another contributor is still writing may not validate yet:
 * they are reported on stderr and skipped rather than failing the whole measurement.
 */
function catalogueItems(dir: string): { items: AgreementItem[]; servers: number; skipped: number } {
	const items: AgreementItem[] = [];
	let servers = 0;
	let skipped = 0;
	for (const name of readdirSync(dir)
		.filter((n) => CATALOGUE_FILE.test(n))
		.sort()) {
		const file = join(dir, name);
		const { server, problems } = parseServerFile(file, readFileSync(file, 'utf8'));
		if (!server) {
			skipped++;
			process.stderr.write(`evaluate: skipping ${formatProblems(problems)}\n`);
			continue;
		}
		servers++;
		for (const tool of server.tools) items.push({ server: { slug: server.slug, name: server.name }, tool });
	}
	return { items, servers, skipped };
}

function dumpItems(files: readonly string[]): AgreementItem[] {
	return files.flatMap((file) => {
		const input = readToolsInput(file);
		for (const w of input.warnings) process.stderr.write(`evaluate: warning: ${w}\n`);
		return input.tools.map((tool) => ({
			server: input.server,
			tool,
			...(input.readOnlyMode ? { readOnlyMode: input.readOnlyMode.has(tool.name) } : {}),
		}));
	});
}

const pad = (text: string | number, width: number) => String(text).padStart(width);

function printMeasure(title: string, label: string, m: Measure, yes: string, no: string): string[] {
	if (m.measured === 0) return [`${title}: no tool declares ${label}`, ''];
	const verdict = m.target === undefined ? '' : `   target ${pct(m.target)}: ${m.met ? 'met' : 'NOT met'}`;
	const c = m.confusion;
	const w = Math.max(yes.length, no.length) + 2;
	return [
		`${title}: ${pct(m.rate)} agreement (${m.agreed} of ${m.measured} tools declaring ${label})${verdict}`,
		`  ${''.padEnd(20)}${pad(`${yes}`, w)}${pad(`${no}`, w)}`,
		`  ${`declared true`.padEnd(20)}${pad(c.bothYes, w)}${pad(c.declaredOnly, w)}`,
		`  ${`declared false`.padEnd(20)}${pad(c.classifiedOnly, w)}${pad(c.bothNo, w)}`,
		'',
	];
}

/** The destructive measure by deciding verb: the ceiling of any verb-keyed reading, and the verbs authors split on. */
function formatConventions(v: AgreementReport['destructiveByVerb']): string[] {
	if (v.ceiling.measured === 0) return [];
	const lines = [
		`Ceiling for one answer per deciding verb: ${pct(v.ceiling.rate)} (${v.ceiling.agreed} of ${v.ceiling.measured}), giving every verb the answer most of its tools declare.`,
		'  That answer is fitted to these very labels, so the figure bounds any reading keyed on the verb; it is not a result.',
		`Learned from the other servers (each server's tools get the answer the other servers declare for the verb; the rules' answer where they give none): ${pct(v.crossServer.byServers.rate)} (${v.crossServer.byServers.agreed} of ${v.crossServer.byServers.measured}) with one vote per server, ${pct(v.crossServer.byTools.rate)} (${v.crossServer.byTools.agreed}) with one per tool.`,
		"  This is what fitting authors' conventions reaches on a server it was not fitted to; set it beside the rules' figure above.",
	];
	if (v.split.length > 0) {
		const width = Math.max(...v.split.map((c) => c.verb.length)) + 2;
		lines.push(
			'Verbs declared destructive by two or more servers and additive by two or more others (tools true/false, servers true/false, text agreed):',
		);
		for (const c of v.split)
			lines.push(
				`  ${c.verb.padEnd(width)}${pad(`${c.declaredTrue}/${c.declaredFalse}`, 9)}${pad(`${c.serversTrue}/${c.serversFalse}`, 8)}${pad(c.agreed, 6)}`,
			);
	}
	return [...lines, ''];
}

/** The hand-label section: the rules and the authors scored against labels given by the spec's definition. */
function formatHandLabels(h: { file: string; labels: HandLabelFile; report: HandLabelReport }): string[] {
	const r = h.report;
	const lines = [
		`Hand labels (${h.file}, labelled ${h.labels.labelled}): ${r.measured} tools, ${r.destructive} destructive by the spec's definition, labelled blind to the rules and to the authors' hints`,
		`  the rules (annotations withheld) agree on ${pct(r.rules.rate)} (${r.rules.agreed} of ${r.rules.measured})`,
		`  the authors' declared destructiveHint agrees on ${pct(r.authors.rate)} (${r.authors.agreed} of ${r.authors.measured})`,
	];
	if (r.missing.length > 0)
		lines.push(`  ${r.missing.length} label(s) name tools this catalogue does not have: ${r.missing.join(', ')}`);
	if (r.rulesDisagree.length > 0) lines.push(`  the rules and the hand label differ on (${r.rulesDisagree.length}):`);
	for (const d of r.rulesDisagree)
		lines.push(`    ${d.server}/${d.tool}: hand label ${d.hand ? 'destructive' : 'additive'}: ${d.reason}`);
	return [...lines, ''];
}

const ci = (e: Estimate) =>
	e.rate === undefined ? 'n/a' : `${pct(e.rate)} (${e.agreed} of ${e.measured}; 95% CI ${pct(e.low)}–${pct(e.high)})`;

/** One half of the calibration set: the rules against the resolved labels. */
function formatScores(title: string, s: CalibrationScores, targets: boolean): string[] {
	const t = (key: keyof typeof CALIBRATION_TARGETS, e: Estimate) =>
		targets && e.rate !== undefined
			? `  target ${pct(CALIBRATION_TARGETS[key])}: ${e.rate >= CALIBRATION_TARGETS[key] ? 'met' : 'NOT met'}`
			: '';
	const lines = [
		`  ${title}: ${s.tools} tools`,
		`    category            ${ci(s.category)}${t('category', s.category)}`,
		`    level, exact        ${ci(s.levelExact)}${t('levelExact', s.levelExact)}`,
		`    level, within one   ${ci(s.levelWithinOne)}`,
		`    read-only           ${ci(s.readOnly)}${t('readOnly', s.readOnly)}`,
		`    destructive recall  ${ci(s.destructiveRecall)}${t('destructiveRecall', s.destructiveRecall)}`,
		`    destructive precision ${ci(s.destructivePrecision)}${t('destructivePrecision', s.destructivePrecision)}`,
		`    rules level minus label level: ${Object.entries(s.levelDelta)
			.sort(([a], [b]) => Number(a) - Number(b))
			.map(([d, n]) => `${Number(d) > 0 ? '+' : ''}${d}: ${n}`)
			.join(', ')}`,
		`    two or more levels away: ${s.farOff.length}${targets ? ' (target 0)' : ''}`,
	];
	for (const f of s.farOff) lines.push(`      ${f.server}/${f.tool}: rules ${f.rules}, label ${f.label}`);
	if (s.disagreements.length > 0) lines.push(`    category or level differs (${s.disagreements.length}):`);
	for (const d of s.disagreements)
		lines.push(`      ${d.server}/${d.tool}: rules ${d.rules}, label ${d.label}: ${d.reason}`);
	return lines;
}

/** The calibration section: both halves, and how often the labellers agreed before resolution. */
function formatCalibration(c: { file: string; labels: CalibrationFile; report: CalibrationReport }): string[] {
	const r = c.report;
	const l = r.labellers;
	const lines = [
		`Calibration set (${c.file}, labelled ${c.labels.labelled}): ${r.labels} tools labelled blind, twice, by the rubric in the file`,
		`  labellers' raw agreement before resolution: category ${pct(l.category.rate)}, level ${pct(l.level.rate)}, read-only ${pct(l.readOnly.rate)}, destructive ${pct(l.destructive.rate)}, all four ${pct(l.all.rate)}`,
	];
	if (r.missing.length > 0)
		lines.push(`  ${r.missing.length} label(s) name tools this catalogue does not have: ${r.missing.join(', ')}`);
	lines.push(
		...formatScores('development half (rule changes may be tuned on it)', r.dev, false),
		...formatScores('held-out half (never tuned on; its disagreements are not listed)', r.heldOut, true),
		'',
	);
	return lines;
}

/** The human-readable report. */
function formatReport(
	r: AgreementReport,
	source: string,
	hand: Parameters<typeof formatHandLabels>[0] | undefined,
	calibration: Parameters<typeof formatCalibration>[0] | undefined,
): string {
	const lines = [
		`Classifier agreement with declared annotations (ruleset ${r.rulesetVersion})`,
		`${source}: ${r.tools} tools, ${r.labelled} with a declared label; annotations and curated overrides withheld from the classifier`,
		'',
		...printMeasure(
			'Read vs non-read',
			'readOnlyHint (or listed by a read-only mode)',
			r.read,
			'classified Read',
			'not Read',
		),
		...printMeasure('Destructive vs not', 'destructiveHint', r.destructive, 'text: destructive', 'text: loses nothing'),
		...printMeasure(
			'For reference, destructiveHint vs category Destructive',
			'destructiveHint',
			r.strictDestructive,
			'Destructive',
			'other',
		),
	];
	if (r.contradictory > 0)
		lines.push(
			`${r.contradictory} tool(s) declare readOnlyHint and destructiveHint both true; their destructiveHint is left out (meaningless next to readOnlyHint, per the spec).`,
			'',
		);
	const width = Math.max(...CATEGORIES.map((c) => c.length)) + 2;
	lines.push(
		'Declared (rows) by category (columns):',
		`  ${''.padEnd(16)}${CATEGORIES.map((c) => pad(c, width)).join('')}`,
	);
	for (const row of DECLARED_ROWS)
		lines.push(`  ${row.padEnd(16)}${CATEGORIES.map((c) => pad(r.byCategory[row][c], width)).join('')}`);
	lines.push('');
	if (r.destructiveByServer.length > 0) {
		const width2 = Math.max(...r.destructiveByServer.map((x) => x.server.length)) + 2;
		lines.push('destructiveHint by server (tools declaring it; agreement as above, then with category Destructive):');
		for (const x of r.destructiveByServer)
			lines.push(
				`  ${x.server.padEnd(width2)}${pad(x.measured, 5)}${pad(pct(x.agreed / x.measured), 9)}${pad(pct(x.strictAgreed / x.measured), 9)}`,
			);
		lines.push('');
	}
	lines.push(...formatConventions(r.destructiveByVerb));
	if (hand) lines.push(...formatHandLabels(hand));
	if (calibration) lines.push(...formatCalibration(calibration));
	const shown = r.disagreements.filter((d) => d.measure !== 'strictDestructive');
	lines.push(shown.length === 0 ? 'No disagreements.' : `Disagreements (${shown.length}):`);
	for (const d of shown) {
		lines.push(
			`  ${d.measure.padEnd(12)} ${d.server}/${d.tool}: ${d.source} ${d.declared}, classified ${d.category}/${d.level} by ${d.decidedBy}`,
		);
	}
	const verdicts = [r.read, r.destructive].map((m) => m.met);
	lines.push(
		'',
		verdicts.every((v) => v === true)
			? 'Targets met.'
			: verdicts.some((v) => v === false)
				? 'Targets NOT met.'
				: 'Targets not measurable on this input.',
	);
	return `${lines.join('\n')}\n`;
}

const OPTIONS = {
	catalogue: { type: 'string' },
	dump: { type: 'string', multiple: true },
	labels: { type: 'string' },
	calibration: { type: 'string' },
	json: { type: 'boolean', default: false },
} as const;

/**
 * Reads a label file: the one named on the command line, which must exist, or else the bundled default, which
 * may be absent from a trimmed checkout. Undefined when there is none; an exit status after a message on stderr
 * when the file is missing or invalid.
 */
function readLabels<L>(
	named: string | undefined,
	bundledDefault: string | undefined,
	load: (file: string) => L | undefined,
): { file: string; labels: L } | undefined | number {
	const file = named ?? bundledDefault;
	if (!file) return undefined;
	if (named !== undefined && !existsSync(file)) {
		process.stderr.write(`evaluate: ${file}: cannot read: ENOENT\n`);
		return 1;
	}
	try {
		const labels = load(file);
		return labels === undefined ? undefined : { file, labels };
	} catch (error) {
		if (!(error instanceof CatalogueError)) throw error;
		process.stderr.write(`evaluate: ${error.message}\n`);
		return 1;
	}
}

function main(): number {
	let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>;
	try {
		parsed = parseArgs({ options: OPTIONS });
	} catch (error) {
		process.stderr.write(`evaluate: ${(error as Error).message}\n${USAGE}\n`);
		return 2;
	}
	const { values } = parsed;
	let items: AgreementItem[];
	let source: string;
	try {
		if (values.dump && values.dump.length > 0) {
			items = dumpItems(values.dump);
			source = `${values.dump.length} dump file(s)`;
		} else {
			const dir = resolve(values.catalogue ?? process.env.ATLAS_CATALOGUE ?? 'content/servers');
			const found = catalogueItems(dir);
			items = found.items;
			source = `Catalogue ${dir} (${found.servers} servers${found.skipped > 0 ? `, ${found.skipped} invalid file(s) skipped` : ''})`;
		}
	} catch (error) {
		if (!(error instanceof InputError) && (error as NodeJS.ErrnoException).code === undefined) throw error;
		process.stderr.write(`evaluate: ${(error as Error).message}\n`);
		return 1;
	}
	const report = measureAgreement(items);
	// The bundled labels name bundled tools: read them by default only for the bundled catalogue.
	const bundled = !values.dump?.length && values.catalogue === undefined && process.env.ATLAS_CATALOGUE === undefined;
	const handFile = readLabels(values.labels, bundled ? BUNDLED_HAND_LABELS : undefined, loadHandLabels);
	if (typeof handFile === 'number') return handFile;
	const hand = handFile && { ...handFile, report: measureHandLabels(handFile.labels.labels, items) };
	const calibrationFile = readLabels(values.calibration, bundled ? BUNDLED_CALIBRATION : undefined, loadCalibration);
	if (typeof calibrationFile === 'number') return calibrationFile;
	const calibration = calibrationFile && {
		...calibrationFile,
		report: measureCalibration(calibrationFile.labels.labels, items),
	};
	process.stdout.write(
		values.json
			? `${JSON.stringify({
					...report,
					...(hand ? { handLabels: hand.report } : {}),
					...(calibration ? { calibration: calibration.report } : {}),
				})}\n`
			: formatReport(report, source, hand, calibration),
	);
	return 0;
}

process.exitCode = main();
