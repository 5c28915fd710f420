/**
 * Writing catalogue files: validate against the catalogue schema, serialise deterministically, and
 * replace the file atomically (temp file in the same folder, then rename), so an interrupted or failed
 * ingest leaves the previous file intact.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, parse } from 'yaml';
import { type ServerFile, serverFileSchema } from '../../src/catalogue/schema.ts';
import { IngestError } from './list.ts';
import { reapStale } from './reaper.ts';
import { orderRecord } from './record.ts';
import { quoteForYaml11 } from './yaml11.ts';

type Json = Record<string, unknown>;

/** The path of a server's file in a catalogue folder. */
export const serverPath = (outDir: string, slug: string): string => join(outDir, `${slug}.yaml`);

/** Reads and validates a previous file; undefined when absent. A broken file is an error, not silently replaced. */
export function readPrevious(outDir: string, slug: string): ServerFile | undefined {
	const path = serverPath(outDir, slug);
	if (!existsSync(path)) return undefined;
	const parsed = serverFileSchema.safeParse(parse(readFileSync(path, 'utf8')));
	if (!parsed.success)
		throw new IngestError(
			'invalid-record',
			`${path} exists but is not a valid catalogue file; fix or delete it first:\n${issues(parsed.error.issues)}`,
		);
	return parsed.data;
}

function issues(list: readonly { path: PropertyKey[]; message: string }[]): string {
	return list
		.slice(0, 10)
		.map((i) => `  ${i.path.map(String).join('.')}: ${i.message}`)
		.join('\n');
}

/**
 * The YAML text of a record: fixed key order, no line folding, a header naming the generator, and quotes
 * on every scalar YAML 1.1 would read as something else (yaml11.ts), so 1.1 parsers read the same data.
 */
export function serialise(record: Json, header: string): string {
	const doc = new Document(orderRecord(record), { aliasDuplicateObjects: false });
	quoteForYaml11(doc);
	doc.commentBefore = ` ${header}`;
	return doc.toString({ lineWidth: 0 });
}

/** Validates a record against the catalogue schema; throws a located error. */
export function validate(record: Json, label: string): void {
	const parsed = serverFileSchema.safeParse(record);
	if (!parsed.success)
		throw new IngestError(
			'invalid-record',
			`${label}: the record does not fit the catalogue schema:\n${issues(parsed.error.issues)}`,
		);
}

/** Writes `text` to `path` atomically; returns whether the content changed. */
export function writeAtomic(path: string, text: string): boolean {
	if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
	// Temp files of ingests killed between write and rename, which a later run removes.
	reapStale(dirname(path), /\.tmp-(\d+)$/);
	const temp = `${path}.tmp-${process.pid}`;
	try {
		writeFileSync(temp, text);
		renameSync(temp, path);
	} finally {
		rmSync(temp, { force: true });
	}
	return true;
}
