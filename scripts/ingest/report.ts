/**
 * Console output of an ingest: one outcome line per source (with what changed), a progress bar on a
 * terminal, and a summary table at the end. Results also go to a TSV so a long run can be analysed or
 * continued.
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Outcome } from './pipeline.ts';
import { printable } from './printable.ts';
import { describeDiff } from './record.ts';
import { label } from './sources.ts';

/** The outcome line of one source, free of anything a server could use to rewrite the terminal. */
export function outcomeLine(o: Outcome): string {
	return printable(rawOutcomeLine(o), true);
}

function rawOutcomeLine(o: Outcome): string {
	const secs = `${(o.ms / 1000).toFixed(1)} s`;
	if (o.ok)
		return `ok    ${label(o.source)} → ${o.file}: ${o.tools} tools${o.strategy ? ` (${o.strategy})` : ''}, ${describeDiff(o.diff, o.first)}${o.written ? '' : ', file unchanged'} [${secs}]`;
	return `FAIL  ${label(o.source)}: ${o.reason}: ${o.message.split('\n')[0]}${o.attempts.length > 1 ? ` (tried ${o.attempts.join(', ')})` : ''} [${secs}]`;
}

/** A progress bar written in place on a terminal (stderr), or nothing when stderr is not a terminal. */
export class Progress {
	private readonly tty = Boolean(process.stderr.isTTY);
	constructor(private readonly total: number) {}

	/** Prints an outcome line above the bar and redraws the bar. */
	update(done: number, listed: number, failed: number, line: string): void {
		const width = 30;
		const filled = Math.round((done / Math.max(this.total, 1)) * width);
		const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total}  listed ${listed}  failed ${failed}`;
		if (this.tty) process.stderr.write(`\r\x1b[2K${line}\n${bar}`);
		else process.stderr.write(`[${done}/${this.total}] ${line}\n`);
	}

	/** Clears the bar. */
	end(): void {
		if (this.tty) process.stderr.write('\r\x1b[2K');
	}
}

/** The summary table: listed and failed counts, failures by reason, tools, timings. */
export function summary(outcomes: readonly Outcome[], skipped: number): string {
	const ok = outcomes.filter((o) => o.ok);
	const failed = outcomes.filter((o) => !o.ok);
	const byReason = new Map<string, number>();
	for (const o of failed) byReason.set(o.reason, (byReason.get(o.reason) ?? 0) + 1);
	const times = ok.map((o) => o.ms).sort((a, b) => a - b);
	const median = times.length ? (times[Math.floor(times.length / 2)] ?? 0) : 0;
	const rows: [string, string][] = [
		['sources tried', String(outcomes.length)],
		['listed', String(ok.length)],
		[
			'  new / changed / unchanged',
			`${ok.filter((o) => o.first).length} / ${ok.filter((o) => !o.first && o.written).length} / ${ok.filter((o) => !o.first && !o.written).length}`,
		],
		['tools in listed servers', String(ok.reduce((n, o) => n + o.tools, 0))],
		['failed', String(failed.length)],
		...[...byReason].sort((a, b) => b[1] - a[1]).map(([reason, n]): [string, string] => [`  ${reason}`, String(n)]),
		['skipped (up to date or marked skip)', String(skipped)],
		['median time per listed source', `${(median / 1000).toFixed(1)} s`],
		['total time', `${(outcomes.reduce((n, o) => n + o.ms, 0) / 1000).toFixed(0)} s (summed)`],
	];
	const width = Math.max(...rows.map(([k]) => k.length));
	return ['', 'summary', ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join('\n');
}

/** Appends one outcome to a TSV (header written on creation). */
export function appendResult(path: string, o: Outcome): void {
	if (!existsSync(path)) {
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, 'source\tok\tslug_or_reason\ttools\tstrategy\tms\tdetail\n');
	}
	const fields = o.ok
		? [
				label(o.source),
				'yes',
				o.slug,
				String(o.tools),
				o.strategy ?? '',
				String(o.ms),
				o.first ? 'new' : describeDiff(o.diff, false),
			]
		: [
				label(o.source),
				'no',
				o.reason,
				'',
				'',
				String(o.ms),
				`${o.message}${o.attempts.length ? ` [${o.attempts.join(', ')}]` : ''}`,
			];
	// One row of plain text per outcome, whatever the server put in its names and messages.
	appendFileSync(path, `${fields.map((f) => printable(f, true).slice(0, 500)).join('\t')}\n`);
}
