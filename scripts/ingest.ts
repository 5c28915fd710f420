/**
 * `npm run ingest`: asks MCP servers for their tools over the protocol and writes catalogue files.
 * Usage is in USAGE below (`npm run ingest -- --help`); docs/ingest.md explains
 * the sandbox, the launch strategies and the records.
 */

import { existsSync } from 'node:fs';
import { IngestError } from './ingest/list.ts';
import { type IngestOptions, ingestSource, type Outcome } from './ingest/pipeline.ts';
import { printable } from './ingest/printable.ts';
import { exitOnSignals } from './ingest/reaper.ts';
import { appendResult, outcomeLine, Progress, summary } from './ingest/report.ts';
import { markSkips, parsePositional, readSourcesFile, recordRecipes, type Source, slugFor } from './ingest/sources.ts';
import { readPrevious } from './ingest/write.ts';

/** Printed by --help; docs/ingest.md says more. */
const USAGE = `npm run ingest -- <source> [options]     one source
npm run ingest -- --all [options]        every source in content/sources.yaml

Sources:
  npm:@scope/pkg[@1.2.3]                 an npm package (installed with scripts disabled, sandboxed)
  --command "node server.js --stdio"     a local command (sandboxed)
  https://host/mcp                       a Streamable HTTP server (remote: not sandboxed)
  saved.json                             a saved tools/list result or seed dump

Options:
  --slug S, --name N, --notes T, --repository URL
  --env NAME          set NAME to a placeholder (repeatable)
  --arg A             a curated server argument (repeatable; {workdir} = throwaway folder)
  --out DIR           where catalogue files go (default content/servers)
  --timeout S         per launch attempt (default 20)
  --rebuild-timeout S native addon rebuild limit (default 300)
  --verbose           each install and launch attempt on stderr
With --all:
  --force             also sources whose file already holds that version
  --only a,b          only these slugs or package names (skip marks ignored)
  --from NAME         start at this entry
  --limit N           at most N sources
  --concurrency N     1 or 2 (default 1)
  --sources FILE      default content/sources.yaml
  --results FILE      outcome TSV (default .cache/ingest/results.tsv)
  --mark-skips        mark failed entries of the sources file skip: <reason> from the results TSV
  --record-recipes    write each listed entry's launch args and placeholder names (from its catalogue file) into the sources file`;

interface Cli {
	positional?: string;
	command?: string;
	all: boolean;
	force: boolean;
	only?: string[];
	from?: string;
	limit?: number;
	concurrency: number;
	sources: string;
	results: string;
	outDir: string;
	timeoutMs: number;
	rebuildTimeoutMs?: number;
	verbose: boolean;
	markSkips: boolean;
	recordRecipes: boolean;
	common: Partial<Pick<Extract<Source, { kind: 'npm' }>, 'slug' | 'name' | 'notes' | 'repository'>> & {
		env: string[];
		args: string[];
	};
}

function parseCli(argv: string[]): Cli {
	const cli: Cli = {
		all: false,
		force: false,
		concurrency: 1,
		sources: 'content/sources.yaml',
		results: '.cache/ingest/results.tsv',
		outDir: 'content/servers',
		timeoutMs: 20_000,
		verbose: false,
		markSkips: false,
		recordRecipes: false,
		common: { env: [], args: [] },
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? '';
		if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			process.exit(0);
		}
		const value = (): string => {
			const v = argv[++i];
			if (v === undefined) throw new IngestError('bad-input', `${arg} needs a value`);
			return v;
		};
		const int = (): number => {
			const n = Number(value());
			if (!Number.isInteger(n) || n < 1) throw new IngestError('bad-input', `${arg} takes a positive whole number`);
			return n;
		};
		switch (arg) {
			case '--all':
				cli.all = true;
				break;
			case '--force':
				cli.force = true;
				break;
			case '--verbose':
				cli.verbose = true;
				break;
			case '--mark-skips':
				cli.markSkips = true;
				break;
			case '--record-recipes':
				cli.recordRecipes = true;
				break;
			case '--command':
				cli.command = value();
				break;
			case '--only':
				cli.only = value()
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean);
				break;
			case '--from':
				cli.from = value();
				break;
			case '--limit':
				cli.limit = int();
				break;
			case '--concurrency':
				cli.concurrency = Math.min(int(), 2);
				break;
			case '--sources':
				cli.sources = value();
				break;
			case '--results':
				cli.results = value();
				break;
			case '--out':
				cli.outDir = value();
				break;
			case '--timeout':
				cli.timeoutMs = int() * 1000;
				break;
			case '--rebuild-timeout':
				cli.rebuildTimeoutMs = int() * 1000;
				break;
			case '--slug':
				cli.common.slug = value();
				break;
			case '--name':
				cli.common.name = value();
				break;
			case '--notes':
				cli.common.notes = value();
				break;
			case '--repository':
				cli.common.repository = value();
				break;
			case '--env':
				cli.common.env.push(value());
				break;
			case '--arg':
				cli.common.args.push(value());
				break;
			default:
				if (arg.startsWith('-')) throw new IngestError('bad-input', `unknown option ${arg}`);
				if (cli.positional)
					throw new IngestError(
						'bad-input',
						`one source per command (got ${cli.positional} and ${arg}); use --all for the sources file`,
					);
				cli.positional = arg;
		}
	}
	if (!cli.all && !cli.positional && !cli.command && !cli.markSkips && !cli.recordRecipes)
		throw new IngestError(
			'bad-input',
			'nothing to ingest: name a source (npm:pkg, --command "…", an https URL, a .json file) or --all',
		);
	if (!existsSync(cli.outDir)) throw new IngestError('bad-input', `${cli.outDir}: no such folder`);
	return cli;
}

/** Whether a source's file already holds this package at this version (so --all can skip it). */
function upToDate(source: Source, outDir: string): boolean {
	if (source.kind !== 'npm' || !source.version) return false;
	try {
		const previous = readPrevious(outDir, source.slug ?? slugFor(source.package));
		return (
			previous?.source.npm === source.package &&
			previous.source.version === source.version &&
			previous.launch !== undefined
		);
	} catch {
		return false;
	}
}

/** The sources of an --all run, after --only, --from, --limit and skips. */
function selectSources(cli: Cli): { todo: Source[]; skipped: number } {
	let sources = readSourcesFile(cli.sources);
	const names = (s: Source) => [
		s.slug ?? '',
		s.kind === 'npm' ? s.package : '',
		s.kind === 'npm' ? slugFor(s.package) : '',
	];
	if (cli.from) {
		const at = sources.findIndex((s) => names(s).includes(cli.from ?? ''));
		if (at === -1) throw new IngestError('bad-input', `--from ${cli.from}: no such entry in ${cli.sources}`);
		sources = sources.slice(at);
	}
	if (cli.only) {
		const wanted = new Set(cli.only);
		sources = sources.filter((s) => names(s).some((n) => wanted.has(n)));
	}
	const before = sources.length;
	sources = sources
		.filter((s) => cli.only || !(s.kind === 'npm' && s.skip))
		.filter((s) => cli.force || !upToDate(s, cli.outDir));
	const skipped = before - sources.length;
	if (cli.limit) sources = sources.slice(0, cli.limit);
	return { todo: sources, skipped };
}

async function main(): Promise<number> {
	const cli = parseCli(process.argv.slice(2));
	const opts: IngestOptions = {
		outDir: cli.outDir,
		timeoutMs: cli.timeoutMs,
		today: new Date().toISOString().slice(0, 10),
		...(cli.rebuildTimeoutMs ? { rebuildTimeoutMs: cli.rebuildTimeoutMs } : {}),
		...(cli.verbose ? { log: (line: string) => process.stderr.write(`${printable(line)}\n`) } : {}),
	};
	const common = Object.fromEntries(
		Object.entries({
			...cli.common,
			env: cli.common.env.length ? cli.common.env : undefined,
			args: cli.common.args.length ? cli.common.args : undefined,
		}).filter(([, v]) => v !== undefined),
	);
	if (cli.recordRecipes) {
		const { recorded } = recordRecipes(cli.sources, cli.outDir);
		console.log(`${cli.sources}: launch recipes recorded for ${recorded} entries (from ${cli.outDir})`);
		return 0;
	}
	if (cli.markSkips) {
		const { marked, cleared } = markSkips(cli.sources, cli.results);
		console.log(`${cli.sources}: ${marked} entries marked skip, ${cleared} cleared (from ${cli.results})`);
		return 0;
	}
	if (!cli.all) {
		exitOnSignals(); // the server and its folders go with us
		const source: Source = cli.command
			? { kind: 'command', command: cli.command, ...common }
			: { ...parsePositional(cli.positional ?? ''), ...common };
		const outcome = await ingestSource(source, opts);
		console.log(outcomeLine(outcome));
		if (!outcome.ok && opts.log === undefined && outcome.message.includes('\n'))
			console.error(printable(outcome.message));
		return outcome.ok ? 0 : 1;
	}
	const { todo, skipped } = selectSources(cli);
	console.error(
		`ingesting ${todo.length} sources from ${cli.sources} (${skipped} skipped), concurrency ${cli.concurrency}; results in ${cli.results}`,
	);
	const progress = new Progress(todo.length);
	const outcomes: Outcome[] = [];
	let next = 0;
	let interrupted = false;
	let interruptedAt = 0;
	exitOnSignals(() => {
		// A terminal's Ctrl-C reaches this process twice (from the terminal and relayed by npm/tsx), so only
		// a second press at least a second later stops at once (killing the servers in flight).
		if (interrupted) return Date.now() - interruptedAt > 1000;
		interrupted = true; // finish the sources in flight (their files are written atomically), start no more
		interruptedAt = Date.now();
		console.error('\ninterrupted: finishing the sources in flight, starting no more (Ctrl-C again to stop now)');
		return false;
	});
	const worker = async () => {
		while (!interrupted && next < todo.length) {
			const source = todo[next++] as Source;
			const outcome = await ingestSource(source, opts);
			outcomes.push(outcome);
			appendResult(cli.results, outcome);
			progress.update(
				outcomes.length,
				outcomes.filter((o) => o.ok).length,
				outcomes.filter((o) => !o.ok).length,
				outcomeLine(outcome),
			);
		}
	};
	await Promise.all(Array.from({ length: Math.min(cli.concurrency, todo.length) }, worker));
	progress.end();
	console.log(summary(outcomes, skipped));
	// Failures of single sources are normal in a catalogue run (they are in the table); fail only if nothing listed.
	return outcomes.length > 0 && !outcomes.some((o) => o.ok) ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(`ingest failed: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(2);
	},
);
