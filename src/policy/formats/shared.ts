/** Small helpers every format module uses. */
import type { FormatTool } from './types.ts';

/** `<server>[-<tool>]-<suffix>`: the download name pattern all formats share. */
export function downloadName(suffix: string): (serverName: string, tool?: string) => string {
	return (serverName, tool) => `${serverName}${tool ? `-${tool}` : ''}-${suffix}`;
}

/** Zod-style issues as one line each: `path: message`. */
export function issueLines(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
	return issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
}

/** Runs a parser and returns its error message, or the parsed value. */
export function tryParse<T>(parse: () => T): { value: T } | { error: string } {
	try {
		return { value: parse() };
	} catch (e) {
		return { error: e instanceof Error ? e.message : String(e) };
	}
}

/** A tool that runs without a person or a refusal in between: the only kind argument guards apply to. */
export function callable(tool: FormatTool): boolean {
	return tool.plan.action === 'allow' || tool.plan.action === 'rate-limit';
}
