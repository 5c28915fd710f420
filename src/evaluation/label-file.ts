/**
 * Reading a label file (hand labels, calibration labels): YAML with unique keys, then a zod schema, every
 * problem naming the file, the label (`labels[3]`) and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { CatalogueError, type CatalogueProblem } from '../catalogue/load.ts';
import type { LabelledTool } from './hand-labels.ts';

/** Parses `text` as YAML and validates it; `data` only when there is no problem. */
export function parseLabelFile<S extends z.ZodType>(
	file: string,
	text: string,
	schema: S,
): { data?: z.infer<S>; problems: CatalogueProblem[] } {
	const doc = parseDocument(text, { uniqueKeys: true });
	if (doc.errors.length > 0)
		return {
			problems: doc.errors.map((e) => ({
				file,
				entry: 'file',
				field: '',
				message: `invalid YAML: ${e.message.split('\n')[0]}`,
			})),
		};
	const result = schema.safeParse(doc.toJS());
	if (result.success) return { data: result.data, problems: [] };
	return {
		problems: result.error.issues.map((issue) => {
			const [top, index, ...rest] = issue.path.map(String);
			const inLabel = top === 'labels' && index !== undefined;
			return {
				file,
				entry: inLabel ? `labels[${index}]` : 'file',
				field: (inLabel ? rest : issue.path.map(String)).join('.'),
				message: issue.message,
			};
		}),
	};
}

/**
 * Reads a label file with its parser, or undefined when there is none (a private catalogue need not have one).
 * Throws `CatalogueError`, listing every problem, when the file is invalid.
 */
export function loadLabelFile<F>(
	file: string,
	parse: (file: string, text: string) => { labels?: F; problems: CatalogueProblem[] },
): F | undefined {
	if (!existsSync(file)) return undefined;
	const { labels, problems } = parse(file, readFileSync(file, 'utf8'));
	if (!labels) throw new CatalogueError(problems);
	return labels;
}

/** Each label with the catalogue tool it names, and the labels naming a tool the catalogue lacks (`server/tool`). */
export function joinLabels<L extends { server: string; tool: string }>(
	labels: readonly L[],
	tools: Iterable<LabelledTool>,
): { found: { label: L; found: LabelledTool }[]; missing: string[] } {
	const byKey = new Map<string, LabelledTool>();
	for (const t of tools) byKey.set(`${t.server.slug}\u0000${t.tool.name}`, t);
	const found: { label: L; found: LabelledTool }[] = [];
	const missing: string[] = [];
	for (const label of labels) {
		const tool = byKey.get(`${label.server}\u0000${label.tool}`);
		if (tool) found.push({ label, found: tool });
		else missing.push(`${label.server}/${label.tool}`);
	}
	return { found, missing };
}
