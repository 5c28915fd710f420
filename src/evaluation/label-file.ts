/**
 * Reading a label file (hand labels, calibration labels): YAML with unique keys, then a zod schema, every
 * problem naming the file, the label (`labels[3]`) and the field.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { CatalogueProblem } from '../catalogue/load.ts';

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
