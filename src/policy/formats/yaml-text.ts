/**
 * A small block-style YAML writer for plain data (maps, lists, strings, numbers, booleans, null), so a
 * YAML format can serialise in the browser without the `yaml` package (about 16 KB gzipped, most of the
 * builder's 20 KB budget). Parsing stays with the `yaml` package, in validators and tests. Strings that
 * are not plainly safe are written as JSON strings, which YAML reads as double-quoted scalars; anything
 * beyond printable ASCII is quoted too, so `\uXXXX` escapes added afterwards stay valid.
 */

/** Words YAML 1.1 or 1.2 readers may take for booleans or null when unquoted. */
/** Plain scalars YAML readers take for booleans or null: such a string must be quoted. */
export const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
/**
 * A string that reads back as itself unquoted: starts with a letter or `_`, then a cautious set with
 * single inner spaces (no `:` or `#`, so no `key: value` or comment can form).
 */
const PLAIN = /^[A-Za-z_](?:[A-Za-z0-9_./-]| (?! ))*(?<! )$/;

/** The plain data `yamlText` writes. */
type Plain = null | boolean | number | string | readonly Plain[] | { readonly [key: string]: Plain | undefined };

const isMap = (v: unknown): v is { readonly [key: string]: Plain | undefined } =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const entriesOf = (map: { readonly [key: string]: Plain | undefined }) =>
	Object.entries(map).filter((e): e is [string, Plain] => e[1] !== undefined);
/** Lists and maps with content go on their own lines; everything else fits after `key: ` or `- `. */
const isBlock = (v: Plain): boolean => (Array.isArray(v) ? v.length > 0 : isMap(v) && entriesOf(v).length > 0);

function scalar(value: Plain): string {
	if (Array.isArray(value)) return '[]';
	if (isMap(value)) return '{}';
	if (typeof value === 'string') return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
	if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`YAML text: ${value} is not a number`);
	// Typed data never gets here with anything else; `unknown` condition values could.
	if (value !== null && !['number', 'boolean'].includes(typeof value))
		throw new Error(`YAML text: cannot write a ${typeof value}`);
	return String(value);
}

function block(value: Plain, indent: number): string[] {
	const pad = ' '.repeat(indent);
	if (Array.isArray(value))
		return value.flatMap((item: Plain) => {
			if (!isBlock(item)) return [`${pad}- ${scalar(item)}`];
			// The item's first line shares the dash's line; the rest align under it.
			const inner = block(item, indent + 2);
			return [`${pad}- ${(inner[0] as string).slice(indent + 2)}`, ...inner.slice(1)];
		});
	if (isMap(value))
		return entriesOf(value).flatMap(([key, item]) =>
			isBlock(item) ? [`${pad}${scalar(key)}:`, ...block(item, indent + 2)] : [`${pad}${scalar(key)}: ${scalar(item)}`],
		);
	return [`${pad}${scalar(value)}`];
}

/**
 * The value as block-style YAML, ending with a newline; `undefined` map values are left out, as in JSON.
 * Takes any value, since documents carry `unknown` condition values; throws on what is not plain data.
 */
export function yamlText(data: unknown): string {
	const value = data as Plain;
	return `${(isBlock(value) ? block(value, 0) : [scalar(value)]).join('\n')}\n`;
}
