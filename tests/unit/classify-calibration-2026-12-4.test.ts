/**
 * Level and category calibrations of ruleset 2026.12.4, each a general rule checked on synthetic
 * definitions: orders placed and payments carried out move money, and code a tool only converts is not run.
 */
import { describe, expect, it } from 'vitest';
import { classify, type Decision } from '../../src/classify/index.ts';
import { SERVER, str, tool } from '../helpers/definitions.ts';

const label = (d: Decision) => `${d.category}/${d.level}`;

describe('placing orders and carrying out payments', () => {
	it.each([
		['submit_cart', 'Place the order with the stored card.'],
		['futures_order', 'Place a limit futures order on the exchange.'],
		['settle', 'Execute a pending payment that was previewed earlier.'],
		['execute_payment', 'Carries out the payment.'],
	])('%s moves money: Financial', (name, description) => {
		const d = classify(tool(name, description), SERVER);
		expect(d.category).toBe('Financial');
		expect(d.evidence.some((e) => e.rule === 'money' && e.effect.kind === 'category')).toBe(true);
	});

	it.each([
		['run_job', 'Execute a pending job from the queue.'],
		['place_marker', 'Place a marker on the map.'],
	])('%s moves no money', (name, description) => {
		expect(classify(tool(name, description), SERVER).category).not.toBe('Financial');
	});
});

describe('code that is converted, not run', () => {
	it('reads a converter of a SQL query as Read/Low, quoting the conversion', () => {
		const d = classify(tool('sql_to_mongo', 'Converts a SQL query into a MongoDB filter', { sql: str('SQL') }), SERVER);
		expect(label(d)).toBe('Read/Low');
		const rule = d.evidence.find((e) => e.rule === 'read-only-mode' && e.effect.kind === 'category');
		expect(rule?.match).toBe('Converts a SQL query into a MongoDB');
	});

	it('keeps a tool that runs the query it takes Execute', () => {
		expect(classify(tool('run_sql', 'Run a SQL query', { sql: str('SQL') }), SERVER).category).toBe('Execute');
	});

	it('keeps a converter that also names a run Execute', () => {
		const d = classify(tool('convert_and_run', 'Converts a script to bash and runs it', { script: str() }), SERVER);
		expect(d.category).toBe('Execute');
	});
});

describe('new organising objects', () => {
	it.each([
		['create_folder', 'Create a new folder in the drive', 'folder'],
		['add_category_options', 'Add options to a category', 'options'],
		['duplicate_worksheet', 'Duplicate a worksheet within a workbook', 'worksheet'],
		['context_checkpoint', 'Create a named checkpoint of the current context', 'checkpoint'],
	])('%s only adds an empty organiser: Write/Low', (name, description, match) => {
		const d = classify(tool(name, description), SERVER);
		expect(label(d)).toBe('Write/Low');
		const rule = d.evidence.find((e) => e.rule === 'minor-object' && e.effect.kind === 'level');
		expect(rule?.match).toBe(match);
	});

	it.each([
		['create_document', 'Create a new document'],
		['create_project', 'Create a new project'],
		['rename_folder', 'Rename a folder'],
		['create_folder_in_project', 'Create a folder in a project and upload the given files'],
		// An accounting journal entry is a ledger record, not an organiser.
		['create_journal_entry', 'Add a journal entry to the ledger'],
		['sheets_add_conditional_formatting', 'Add conditional formatting rules to a sheet'],
	])('%s is more than an empty organiser: stays Write/Medium', (name, description) => {
		expect(label(classify(tool(name, description), SERVER))).toBe('Write/Medium');
	});

	it('lets an overwrite switch still raise a new folder', () => {
		const overwrite = { type: 'boolean', description: 'Overwrite an existing folder of the same name' };
		const d = classify(tool('create_folder', 'Create a new folder', { overwrite }), SERVER);
		expect(d.level).toBe('High');
	});
});

describe('private telemetry, analytics and training records', () => {
	it.each([
		['search_traces', 'Search APM traces by service and latency', 'traces'],
		['get_span', 'Get one span of a distributed trace', 'span'],
		['site_analytics_summary', 'Summarise traffic for the site', 'analytics'],
		['get_athlete_stats', 'Get the statistics of the athlete', 'athlete'],
	])('%s reads private data: Read/Medium', (name, description, match) => {
		const d = classify(tool(name, description), SERVER);
		expect(label(d)).toBe('Read/Medium');
		expect(d.evidence.find((e) => e.rule === 'private-data' && e.effect.kind === 'level')?.match).toBe(match);
	});

	it('leaves a read of public documentation Low', () => {
		expect(label(classify(tool('get_tracing_docs', 'Get the docs on tracing'), SERVER))).toBe('Read/Low');
	});
});

describe('interrupting one bounded run', () => {
	it.each([
		['terminate_app', 'Stop and terminate an app on the phone', 'app'],
		['stop_agent', 'Stop the worker container of an agent', 'agent'],
		['pause_workflow', 'Pause a workflow by ID', 'workflow'],
		['halt', 'Stop the nightly job', 'job'],
	])('%s is Destructive/Medium, quoting what stops', (name, description, match) => {
		const d = classify(tool(name, description), SERVER);
		expect(label(d)).toBe('Destructive/Medium');
		const lowered = d.evidence.find(
			(e) => e.rule === 'availability-only' && e.effect.kind === 'level' && e.match === match,
		);
		expect(lowered).toBeDefined();
	});

	it.each([
		['stop_database', 'Stop a PostgreSQL database'],
		['restart_app_server', 'Restart the app server'],
		['kill_process', 'Terminate a running process by its id'],
		['stop_all_jobs', 'Stop all jobs'],
		['application_stop', 'Stops a hosted application'],
		['stop_jobs', 'Stop jobs', { jobIds: { type: 'array', items: { type: 'string' } } }],
	])('%s stays Destructive/High', (name, description, properties?: Record<string, unknown>) => {
		expect(label(classify(tool(name, description, properties), SERVER))).toBe('Destructive/High');
	});
});

describe('credentials issued again, webhooks registered again', () => {
	it.each([
		['delete_api_key', 'Delete an API key', 'api_key'],
		['remove_certificate', 'Remove a TLS certificate', 'certificate'],
		['delete_credential', 'Delete a stored credential by ID', 'credential'],
	])('%s is Destructive/High', (name, description, match) => {
		const d = classify(tool(name, description), SERVER);
		expect(label(d)).toBe('Destructive/High');
		expect(d.evidence.find((e) => e.rule === 'high-value-object')?.match).toBe(match);
	});

	it.each([
		['delete_private_key', 'Delete a private key'],
		['delete_database', 'Delete a database'],
	])('%s stays Destructive/Critical', (name, description) => {
		expect(label(classify(tool(name, description), SERVER))).toBe('Destructive/Critical');
	});

	it('weighs a webhook as one piece of content', () => {
		expect(label(classify(tool('delete_webhook', 'Delete a webhook by ID'), SERVER))).toBe('Destructive/Medium');
		const permanent = tool('delete_webhook', 'Permanently delete a webhook; this cannot be undone');
		expect(label(classify(permanent, SERVER))).toBe('Destructive/High');
	});
});

describe('a data store removed from something is deleted', () => {
	it.each([
		['remove_database', 'Removes a MySQL database from the hosting panel'],
		['remove_bucket_from_project', 'Remove the bucket from the project'],
	])('%s is Destructive/Critical', (name, description) => {
		expect(label(classify(tool(name, description), SERVER))).toBe('Destructive/Critical');
	});

	it('still reads taking a member off a team as a Write', () => {
		expect(classify(tool('remove_member', 'Remove a member from the team'), SERVER).category).toBe('Write');
	});
});

describe('running evaluations', () => {
	it('reads "Run the evals" as a check that only reports', () => {
		const d = classify(tool('design_verify', 'Run the fidelity evals on a design package'), SERVER);
		expect(label(d)).toBe('Read/Low');
	});
});

describe('one more step in an interface', () => {
	it.each([
		['browser_handle_dialog', 'Handle a dialog by accepting or dismissing it', 'handle'],
		['open_deeplink', 'Open a deep link on the simulator', 'open'],
		['open_url', 'Open a URL in a new window', 'open'],
	])('%s is Execute/Medium', (name, description, match) => {
		const d = classify(tool(name, description), SERVER);
		expect(label(d)).toBe('Execute/Medium');
		expect(d.evidence.find((e) => e.rule === 'interface-action')?.match).toBe(match);
	});

	it('keeps opening an application a launch at Execute/High', () => {
		expect(label(classify(tool('open_app', 'Open an application on the workstation'), SERVER))).toBe('Execute/High');
	});
});

describe('one part of a drawing, and many things at once', () => {
	it('lowers deleting one shape to Destructive/Low', () => {
		const d = classify(tool('delete_shape', 'Delete a shape from the board', { id: str() }), SERVER);
		expect(label(d)).toBe('Destructive/Low');
	});

	it('keeps deleting many shapes at Destructive/Medium', () => {
		const ids = { type: 'array', items: { type: 'string' }, description: 'Shape ids' };
		expect(label(classify(tool('delete_shapes', 'Delete shapes', { ids }), SERVER))).toBe('Destructive/Medium');
	});

	it('keeps a removal whose name ends in something else than the part at Destructive/Medium', () => {
		expect(label(classify(tool('delete_edge_config', 'Delete an edge config'), SERVER))).toBe('Destructive/Medium');
	});

	it('keeps deleting one label at Destructive/Medium', () => {
		expect(label(classify(tool('delete_label', 'Delete a label'), SERVER))).toBe('Destructive/Medium');
	});

	it('raises clearing all of some content to Destructive/High, quoting the lead', () => {
		const d = classify(tool('clear_memory', 'Clear all stored memories of the agent'), SERVER);
		expect(label(d)).toBe('Destructive/High');
		expect(d.evidence.find((e) => e.rule === 'bulk' && e.effect.kind === 'level')?.match).toBe('Clear all');
	});
});

describe('metadata, not content', () => {
	it.each([
		['get_file_info', 'Retrieve metadata about a file without reading its content'],
		['get_page_metadata', 'Get metadata for a page including SEO settings'],
	])('%s reads metadata only: Read/Low', (name, description) => {
		const d = classify(tool(name, description), SERVER);
		expect(label(d)).toBe('Read/Low');
		expect(d.evidence.some((e) => e.rule === 'private-data' && e.effect.kind === 'note')).toBe(true);
	});

	it.each([
		['get_file', 'Get file metadata and optionally content'],
		['read_email', 'Read email content and metadata'],
		['list_emails', 'List sent emails with metadata: recipient, subject, status'],
	])('%s returns more than metadata: stays Read/Medium', (name, description) => {
		expect(label(classify(tool(name, description), SERVER))).toBe('Read/Medium');
	});

	it("raises a credential's metadata to Medium, the credential itself to High", () => {
		expect(label(classify(tool('get_token_metadata', 'Get auth token metadata'), SERVER))).toBe('Read/Medium');
		expect(label(classify(tool('get_token', 'Get an auth token'), SERVER))).toBe('Read/High');
	});
});

describe('deploying static content', () => {
	it.each([
		['deploy_html', 'Deploy an HTML page to the hosting'],
		['deploy_static_site', 'Deploy static files'],
	])('%s publishes files: Write', (name, description) => {
		const d = classify(tool(name, description), SERVER);
		expect(d.category).toBe('Write');
		expect(d.evidence.find((e) => e.rule === 'verb-context' && e.effect.kind === 'category')).toBeDefined();
	});

	it('keeps deploying a service an Execute operation', () => {
		expect(classify(tool('deploy_service', 'Deploy a service to the cluster'), SERVER).category).toBe('Execute');
	});
});

describe('files changed in a repository', () => {
	it.each([
		['create_or_update_file', 'Create or update one file in a Git repository'],
		['commit_files', 'Push several files to the repository in one commit'],
	])('%s replaces committed code: Write/High', (name, description) => {
		const d = classify(tool(name, description), SERVER);
		expect(label(d)).toBe('Write/High');
		expect(d.evidence.find((e) => e.rule === 'overwrite' && e.effect.kind === 'level')?.field).toBe('description');
	});

	it.each([
		['create_branch', 'Create a new branch in a repository'],
		['add_file', 'Add a new file to the repository'],
		['update_issue', 'Update an issue in the tracker'],
	])('%s does not: stays Write/Medium', (name, description) => {
		expect(label(classify(tool(name, description), SERVER))).toBe('Write/Medium');
	});
});

describe('a download to a destination the caller picks', () => {
	it('writes a file: Write, raised by the overwrite warning', () => {
		const d = classify(
			tool('fetch_remote_file', 'Downloads a remote file to a local path, overwriting any existing file there.', {
				localPath: str('Local destination path'),
			}),
			SERVER,
		);
		expect(label(d)).toBe('Write/High');
		expect(d.evidence.find((e) => e.rule === 'output-path' && e.effect.kind === 'category')?.match).toBe('localPath');
	});

	it('keeps a download that only returns the file Read', () => {
		const d = classify(
			tool('download_file', 'Downloads a file and returns its content', { path: str('Remote path') }),
			SERVER,
		);
		expect(d.category).toBe('Read');
	});
});

describe('a lead that is only a tag', () => {
	it('reads the next sentence for sensitive data', () => {
		const d = classify(
			tool('get_fitness_summary', 'Read-only. Summarizes weekly body measurements and trends.'),
			SERVER,
		);
		expect(label(d)).toBe('Read/High');
		expect(d.evidence.find((e) => e.rule === 'sensitive-data' && e.effect.kind === 'level')?.match).toBe(
			'body measurements',
		);
	});

	it('reads only the lead when it is a sentence', () => {
		const d = classify(tool('get_summary', 'Summarizes the week. Body measurements are kept elsewhere.'), SERVER);
		expect(d.level).not.toBe('High');
	});
});
