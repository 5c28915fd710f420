/**
 * Classifies every tool of a `tools/list` result or a catalogue file and prints one JSON line per tool,
 * in input order, with exactly the keys of `CLI_KEYS`. Nothing else goes to stdout: messages go to
 * stderr, and input problems exit with status 1 (usage errors with 2). A public interface: see the
 * README ("How a label is decided") before changing what it prints.
 *
 *   npm run --silent classify -- <file.json|file.yaml|-> [more files] [--server <slug>] [--yaml]
 */
import { parseArgs } from 'node:util';
import { cliRecord } from '../src/classify/cli.ts';
import { classify } from '../src/classify/index.ts';
import { InputError, readToolsInput } from './lib/classify-input.ts';

const USAGE = `usage: npm run --silent classify -- <file> [more files] [--server <slug>] [--yaml]
  <file>     a tools/list result as JSON ({"tools": [...]}) or a catalogue YAML file; "-" reads stdin
  --server   the server slug whose words are dropped from tool names (default: the file's own, or its name)
  --yaml     read stdin as catalogue YAML rather than JSON`;

const OPTIONS = {
	server: { type: 'string' },
	yaml: { type: 'boolean', default: false },
	help: { type: 'boolean', short: 'h' },
} as const;

function main(): number {
	let parsed: ReturnType<typeof parseArgs<{ allowPositionals: true; options: typeof OPTIONS }>>;
	try {
		parsed = parseArgs({ allowPositionals: true, options: OPTIONS });
	} catch (error) {
		process.stderr.write(`classify: ${(error as Error).message}\n${USAGE}\n`);
		return 2;
	}
	const { values, positionals } = parsed;
	if (values.help) {
		process.stderr.write(`${USAGE}\n`);
		return 0;
	}
	if (positionals.length === 0) {
		process.stderr.write(`classify: no input file\n${USAGE}\n`);
		return 2;
	}
	// Read and validate every file before printing, so a bad second file cannot leave half an answer.
	const inputs = [];
	try {
		for (const file of positionals)
			inputs.push(readToolsInput(file, { server: values.server, format: values.yaml ? 'yaml' : undefined }));
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		process.stderr.write(`classify: ${error.message}\n`);
		return 1;
	}
	for (const input of inputs) for (const w of input.warnings) process.stderr.write(`classify: warning: ${w}\n`);
	const lines: string[] = [];
	for (const input of inputs)
		for (const tool of input.tools) lines.push(JSON.stringify(cliRecord(tool.name, classify(tool, input.server))));
	process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
	return 0;
}

process.exitCode = main();
