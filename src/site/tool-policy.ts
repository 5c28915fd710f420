/**
 * A tool page's recommended policy in every registered format: the text its tab shows (and Copy and
 * Download read back from the page), what the user must know about it, and the download file name.
 * Formats appear in registry order; a format added to `FORMATS` appears on every tool page.
 */
import { type ActionMapping, FORMAT_MAPPING, FORMATS, type PolicyFormat } from '../policy/formats/index.ts';
import type { ToolEntry } from './model.ts';

/** One format's tab on a tool page. */
export interface ToolPolicyTab {
	format: PolicyFormat;
	/** The snippet exactly as copied and downloaded, final newline included. */
	text: string;
	/** Download name: `<server>-<tool slug>-<suffix>`. */
	fileName: string;
	/** How the format carries this tool's action. */
	mapping: ActionMapping;
	/** The mapping's note, to show beside the text; empty when there is none or a warning already says it. */
	mappingNote: string;
	/**
	 * What the format cannot express or the client would reject (FormatDocument.warnings), to show beside
	 * the text: those the text already carries as comments are not repeated.
	 */
	warnings: readonly string[];
}

/**
 * The name of the server in the user's client config: the catalogue slug by default (it is also a name
 * every client accepts). The server-page builder lets the user change it; tool pages use the default.
 */
export function clientServerName(entry: Pick<ToolEntry, 'server'>): string {
	return entry.server.slug;
}

/** Every format's tab for a tool, in registry order. */
export function toolPolicyTabs(entry: ToolEntry): ToolPolicyTab[] {
	const serverName = clientServerName(entry);
	return FORMATS.map((format) => {
		const doc = format.forTool(entry.formatTool, serverName);
		const text = format.serialise(doc);
		const mapping = FORMAT_MAPPING[format.id][entry.plan.action];
		const said = (line: string) => doc.warnings.some((w) => w.includes(line));
		return {
			format,
			text,
			fileName: format.fileName(serverName, entry.slug),
			mapping,
			mappingNote: mapping.note && !said(mapping.note) ? mapping.note : '',
			warnings: doc.warnings.filter((w) => !text.includes(w)),
		};
	});
}
