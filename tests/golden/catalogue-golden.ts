/**
 * Golden labels: real tool definitions from the bundled catalogue (`content/servers/<server>.yaml`),
 * referenced by server slug and tool name, never copied. Each entry says what the tool should be
 * labelled, the rule its label rests on (which must appear in its evidence), and why in one line.
 * The five seed tools come first; they carry the anchor's labels except where the methodology page
 * explains a deliberate difference.
 */
import type { Category, Level } from '../../src/catalogue/schema.ts';
import type { RuleId } from '../../src/classify/rules.ts';

/** One golden expectation. */
export interface GoldenCase {
	readonly server: string;
	readonly tool: string;
	readonly category: Category;
	readonly level: Level;
	/** A rule that must fire for the right reason. */
	readonly rule: RuleId;
	readonly reason: string;
}

/** The five tools the seed pages describe. */
export const SEED_GOLDEN: readonly GoldenCase[] = [
	{ server: 'remnawave-mcp', tool: 'ip_control_drop_connections', category: 'Execute', level: 'High', rule: 'session-termination', reason: 'Drops live connections for chosen IPs: immediate effect, nothing stored is lost (anchor: Execute/High).' },
	{ server: 'opnsense-mcp-server', tool: 'openvpn_disconnect_client', category: 'Execute', level: 'High', rule: 'session-termination', reason: 'Disconnects a VPN client, who can reconnect (anchor: Execute/High).' },
	{ server: 'livetap', tool: 'destroy_connection', category: 'Destructive', level: 'Critical', rule: 'name-verb', reason: 'Destroys a configured connection and its buffer; destroy is not a session verb (anchor: Destructive/Critical).' },
	{ server: 'borealhost-mcp', tool: 'add_firewall_rule', category: 'Write', level: 'Medium', rule: 'name-verb', reason: 'Adds a rule; its allow/deny "action" field describes the rule, not an operation (anchor: Write/Medium).' },
	{ server: 'pusher-mcp-server', tool: 'terminate_user_connections', category: 'Execute', level: 'High', rule: 'session-termination', reason: 'Forces a user offline like the two tools above; the anchor says Write/Medium, we label alike tools alike.' },
];

/** Catalogue tools covering the rules, by server. */
export const CATALOGUE_GOLDEN: readonly GoldenCase[] = [
	// @modelcontextprotocol/server-filesystem
	{ server: 'server-filesystem', tool: 'read_text_file', category: 'Read', level: 'Medium', rule: 'private-data', reason: 'Reads a file at an agent-chosen path: private data.' },
	{ server: 'server-filesystem', tool: 'write_file', category: 'Write', level: 'High', rule: 'overwrite', reason: '"Completely overwrite an existing file": what was there is lost if the call is wrong.' },
	{ server: 'server-filesystem', tool: 'edit_file', category: 'Write', level: 'High', rule: 'annotation-destructive', reason: 'An edit; the server itself declares destructiveHint, which may raise but never lower.' },
	{ server: 'server-filesystem', tool: 'create_directory', category: 'Write', level: 'Medium', rule: 'path-param', reason: 'Creates a directory: an additive write at a chosen path.' },
	{ server: 'server-filesystem', tool: 'move_file', category: 'Write', level: 'High', rule: 'annotation-destructive', reason: 'Moves or renames a file; declared destructive (a move can replace the destination).' },
	{ server: 'server-filesystem', tool: 'directory_tree', category: 'Read', level: 'Medium', rule: 'description-verb', reason: 'No verb in the name; the lead sentence opens with "Get".' },
	{ server: 'server-filesystem', tool: 'list_allowed_directories', category: 'Read', level: 'Low', rule: 'name-verb', reason: 'Lists the server\'s own configuration: nothing private or third-party.' },
	// @modelcontextprotocol/server-memory
	{ server: 'server-memory', tool: 'create_entities', category: 'Write', level: 'Medium', rule: 'name-verb', reason: 'Creates graph entities: a plain write.' },
	{ server: 'server-memory', tool: 'delete_entities', category: 'Destructive', level: 'High', rule: 'content-object', reason: 'Deletes entities, single pieces of content: a bounded loss.' },
	{ server: 'server-memory', tool: 'read_graph', category: 'Read', level: 'Low', rule: 'name-verb', reason: 'Reads the knowledge graph the agent itself wrote.' },
	{ server: 'server-memory', tool: 'open_nodes', category: 'Read', level: 'Low', rule: 'verb-context', reason: '"Open" on nodes reads them; it files or launches nothing.' },
	// @modelcontextprotocol/server-github
	{ server: 'server-github', tool: 'create_or_update_file', category: 'Write', level: 'Medium', rule: 'name-verb', reason: 'Two joined verbs, create and update: both writes.' },
	{ server: 'server-github', tool: 'push_files', category: 'Write', level: 'Medium', rule: 'verb-context', reason: 'A push without force adds a commit; it rewrites no history.' },
	{ server: 'server-github', tool: 'search_issues', category: 'Read', level: 'Medium', rule: 'untrusted-input', reason: 'Issues are written by third parties and may carry injected instructions.' },
	{ server: 'server-github', tool: 'search_users', category: 'Read', level: 'Medium', rule: 'private-data', reason: 'Returns data about people.' },
	{ server: 'server-github', tool: 'merge_pull_request', category: 'Write', level: 'Medium', rule: 'name-verb', reason: 'Merge is a write verb; nothing is deleted.' },
	{ server: 'server-github', tool: 'fork_repository', category: 'Write', level: 'Medium', rule: 'name-verb', reason: 'Forking copies a repository: additive.' },
	{ server: 'server-github', tool: 'get_file_contents', category: 'Read', level: 'Medium', rule: 'path-param', reason: 'Reads file contents by path.' },
	// @modelcontextprotocol/server-everything
	{ server: 'server-everything', tool: 'get-env', category: 'Read', level: 'High', rule: 'secrets', reason: 'Returns environment variables, where credentials live.' },
	{ server: 'server-everything', tool: 'echo', category: 'Read', level: 'Low', rule: 'name-verb', reason: 'Echoes its input back.' },
	{ server: 'server-everything', tool: 'toggle-simulated-logging', category: 'Write', level: 'Medium', rule: 'name-verb', reason: 'Flips a setting: a reversible write.' },
	{ server: 'server-everything', tool: 'gzip-file-as-resource', category: 'Write', level: 'Medium', rule: 'url-param', reason: 'Compresses data into a new resource; its data parameter takes a URI.' },
	{ server: 'server-everything', tool: 'trigger-long-running-operation', category: 'Execute', level: 'High', rule: 'verb-context', reason: 'Triggering an operation (not an event) runs it; the server\'s read-only claim does not lower that.' },
	// @modelcontextprotocol/server-sequential-thinking
	{ server: 'server-sequential-thinking', tool: 'sequentialthinking', category: 'Read', level: 'Low', rule: 'name-verb', reason: 'The glued name has no verb; its title "Sequential Thinking" does.' },
	// @wonderwhy-er/desktop-commander
	{ server: 'desktop-commander', tool: 'start_process', category: 'Execute', level: 'Critical', rule: 'code-param', reason: 'Takes a free-form shell command.' },
	{ server: 'desktop-commander', tool: 'interact_with_process', category: 'Execute', level: 'Critical', rule: 'code-param', reason: '"Send input to an existing terminal or REPL": whatever it sends is run.' },
	{ server: 'desktop-commander', tool: 'force_terminate', category: 'Execute', level: 'High', rule: 'session-termination', reason: 'The name has no object, the lead names a terminal session: closing it destroys nothing.' },
	{ server: 'desktop-commander', tool: 'kill_process', category: 'Destructive', level: 'High', rule: 'availability-only', reason: 'Killing a process interrupts work; nothing stored is deleted.' },
	{ server: 'desktop-commander', tool: 'start_search', category: 'Read', level: 'Medium', rule: 'verb-context', reason: 'Starting a search reads; it runs no job.' },
	{ server: 'desktop-commander', tool: 'stop_search', category: 'Write', level: 'Medium', rule: 'verb-context', reason: 'Stopping a search is not stopping a running service.' },
	{ server: 'desktop-commander', tool: 'set_config_value', category: 'Write', level: 'High', rule: 'annotation-destructive', reason: 'Sets a configuration value; declared destructive.' },
	{ server: 'desktop-commander', tool: 'write_pdf', category: 'Write', level: 'High', rule: 'output-path', reason: 'Writes a PDF to a path the caller chooses; declared destructive.' },
	{ server: 'desktop-commander', tool: 'give_feedback_to_desktop_commander', category: 'Execute', level: 'High', rule: 'verb-context', reason: '"Open feedback form in browser": opening in a browser launches something.' },
	{ server: 'desktop-commander', tool: 'get_config', category: 'Read', level: 'Low', rule: 'name-verb', reason: 'Reads the server\'s configuration.' },
	// mongodb-mcp-server
	{ server: 'mongodb-mcp-server', tool: 'connect', category: 'Read', level: 'Low', rule: 'own-connection', reason: 'Opens the server\'s own connection; nothing in the database changes.' },
	{ server: 'mongodb-mcp-server', tool: 'disconnect', category: 'Read', level: 'Low', rule: 'own-connection', reason: 'Closes the server\'s own connection, not someone else\'s session.' },
	{ server: 'mongodb-mcp-server', tool: 'drop-database', category: 'Destructive', level: 'Critical', rule: 'high-value-object', reason: 'Dropping a database loses everything in it.' },
	{ server: 'mongodb-mcp-server', tool: 'delete-many', category: 'Destructive', level: 'Critical', rule: 'bulk', reason: 'Deletes documents (content) in bulk, which escalates High to Critical.' },
	{ server: 'mongodb-mcp-server', tool: 'insert-many', category: 'Write', level: 'Medium', rule: 'bulk', reason: 'Inserts many documents: bulk, but additive.' },
	{ server: 'mongodb-mcp-server', tool: 'update-many', category: 'Write', level: 'High', rule: 'annotation-destructive', reason: 'Bulk update; declared destructive.' },
	{ server: 'mongodb-mcp-server', tool: 'find', category: 'Read', level: 'Low', rule: 'verb-context', reason: '"Run a find query": running a query reads.' },
	{ server: 'mongodb-mcp-server', tool: 'aggregate', category: 'Read', level: 'Low', rule: 'verb-context', reason: '"Run an aggregation": an aggregation is a query.' },
	{ server: 'mongodb-mcp-server', tool: 'mongodb-logs', category: 'Read', level: 'Medium', rule: 'untrusted-input', reason: 'Returns logs, which carry text from elsewhere.' },
	{ server: 'mongodb-mcp-server', tool: 'collection-schema', category: 'Read', level: 'Low', rule: 'description-verb', reason: 'No verb in the name; the lead opens with "Describe".' },
	{ server: 'mongodb-mcp-server', tool: 'rename-collection', category: 'Write', level: 'High', rule: 'annotation-destructive', reason: 'Renaming is a write; declared destructive (it can drop the target).' },
	// @notionhq/notion-mcp-server
	{ server: 'notion-mcp-server', tool: 'API-delete-a-block', category: 'Destructive', level: 'High', rule: 'content-object', reason: 'Deletes one block of content.' },
	{ server: 'notion-mcp-server', tool: 'API-get-users', category: 'Read', level: 'Medium', rule: 'private-data', reason: 'Lists people in the workspace.' },
	{ server: 'notion-mcp-server', tool: 'API-retrieve-a-page', category: 'Read', level: 'Medium', rule: 'untrusted-input', reason: 'Pages are shared content that may carry injected text.' },
	// @playwright/mcp
	{ server: 'playwright-mcp', tool: 'browser_evaluate', category: 'Execute', level: 'Critical', rule: 'code-param', reason: 'Evaluates a JavaScript function the caller writes.' },
	{ server: 'playwright-mcp', tool: 'browser_navigate', category: 'Execute', level: 'High', rule: 'url-param', reason: 'Navigates a live browser to an agent-chosen URL.' },
	{ server: 'playwright-mcp', tool: 'browser_click', category: 'Execute', level: 'High', rule: 'name-verb', reason: 'A click in a live page can do anything the page allows.' },
	{ server: 'playwright-mcp', tool: 'browser_drop', category: 'Execute', level: 'High', rule: 'verb-context', reason: 'In a browser, "drop" is a mouse action, not a deletion.' },
	{ server: 'playwright-mcp', tool: 'browser_file_upload', category: 'Execute', level: 'High', rule: 'verb-context', reason: 'Uploading in a browser is a page interaction like a click.' },
	{ server: 'playwright-mcp', tool: 'browser_take_screenshot', category: 'Read', level: 'Medium', rule: 'untrusted-input', reason: 'Reads the page; its filename lands in the server\'s output folder, so it is no output path.' },
	{ server: 'playwright-mcp', tool: 'browser_tabs', category: 'Write', level: 'High', rule: 'action-enum', reason: 'Its action picks list/new/close/select; the most severe, a write, decides; declared destructive.' },
	{ server: 'playwright-mcp', tool: 'browser_console_messages', category: 'Read', level: 'Medium', rule: 'untrusted-input', reason: 'The name has no verb, its title says "Get"; console messages come from the page.' },
	{ server: 'playwright-mcp', tool: 'browser_close', category: 'Write', level: 'High', rule: 'annotation-destructive', reason: 'Closing the page is a write; declared destructive.' },
	{ server: 'playwright-mcp', tool: 'browser_run_code_unsafe', category: 'Execute', level: 'Critical', rule: 'code-param', reason: 'Runs caller-supplied code.' },
	// Servers ingested later (chrome-devtools-mcp, server-postgres, server-slack, …)
	{ server: 'chrome-devtools-mcp', tool: 'take_screenshot', category: 'Write', level: 'Medium', rule: 'output-path', reason: 'Saves the screenshot to any path the caller gives.' },
	{ server: 'chrome-devtools-mcp', tool: 'select_page', category: 'Read', level: 'Medium', rule: 'verb-context', reason: 'Selecting a page picks what to work with; it operates no control.' },
	{ server: 'chrome-devtools-mcp', tool: 'navigate_page', category: 'Execute', level: 'Critical', rule: 'code-param', reason: 'Its initScript parameter runs JavaScript in every new document.' },
	{ server: 'server-postgres', tool: 'query', category: 'Execute', level: 'Critical', rule: 'code-param', reason: 'Takes free-form SQL; a "read-only" claim does not bound it.' },
	{ server: 'server-slack', tool: 'slack_post_message', category: 'Write', level: 'High', rule: 'egress', reason: 'Posts to a channel the agent picks.' },
	{ server: 'tavily-mcp', tool: 'tavily_search', category: 'Read', level: 'Medium', rule: 'untrusted-input', reason: 'Searches the web: third-party content.' },
	{ server: 'shortcut-mcp', tool: 'stories-remove-subtask', category: 'Write', level: 'High', rule: 'dissociation', reason: 'Removes a sub-task from its parent; the story itself remains. Declared destructive.' },
	{ server: 'shortcut-mcp', tool: 'stories-unassign-current-user', category: 'Write', level: 'Medium', rule: 'dissociation', reason: 'Unassigning undoes an assignment; "Remove" in its lead is the same act.' },
	{ server: 'google-drive-mcp', tool: 'unlockFile', category: 'Write', level: 'Medium', rule: 'dissociation', reason: 'Unlocking "by removing restrictions" undoes a lock and deletes nothing.' },
	{ server: 'google-drive-mcp', tool: 'deleteSheet', category: 'Destructive', level: 'High', rule: 'content-object', reason: 'Deletes one sheet: content, not a whole spreadsheet.' },
	{ server: 'google-drive-mcp', tool: 'addPermission', category: 'Write', level: 'High', rule: 'access-change', reason: 'Grants access to a file.' },
	{ server: 'cloud-run-mcp', tool: 'deploy_local_folder', category: 'Execute', level: 'High', rule: 'cost', reason: 'Deploys to the cloud: an operation that starts paid compute.' },
	{ server: 'mobile-mcp', tool: 'mobile_terminate_app', category: 'Destructive', level: 'High', rule: 'availability-only', reason: 'Terminating an app stops it; it can be launched again.' },
	{ server: 'mcp-server-circleci', tool: 'rerun_workflow', category: 'Execute', level: 'High', rule: 'verb-context', reason: '"rerun" is run again: running a workflow executes it.' },
	{ server: 'testsprite-mcp', tool: 'testsprite_generate_code_and_execute', category: 'Execute', level: 'High', rule: 'name-verb', reason: 'Generate and execute: the second, more severe verb decides.' },
	{ server: 'perplexity-ai-mcp-server', tool: 'perplexity_ask', category: 'Read', level: 'Low', rule: 'name-verb', reason: 'Asking a question returns an answer.' },
	{ server: 'server-puppeteer', tool: 'puppeteer_select', category: 'Execute', level: 'High', rule: 'verb-context', reason: '"Select an element on the page": operating a page control in a browser.' },
	// Ruleset 2026.11.3
	{ server: 'netlify-mcp', tool: 'netlify-deploy-services-reader', category: 'Read', level: 'Low', rule: 'verb-context', reason: 'A name ending in "reader" is a reader of deploy services, not a deploy; it runs "one of the following read operations".' },
	{ server: 'bitbucket-mcp-server', tool: 'decline_pull_request', category: 'Write', level: 'Medium', rule: 'name-verb', reason: 'Declining changes the pull request\'s state; "pull" and "request" are its object.' },
	{ server: 'git-mcp-server', tool: 'git_init', category: 'Write', level: 'Medium', rule: 'name-verb', reason: 'Initialising creates a new repository: a write that only adds.' },
	{ server: 'ios-simulator-mcp', tool: 'open_simulator', category: 'Execute', level: 'High', rule: 'verb-context', reason: 'Opening an application launches it, like launch: it changes nothing that exists.' },
	// Ruleset 2026.12.0
	{ server: 'mcp-erpnext', tool: 'erpnext_purchase_order_get', category: 'Read', level: 'Medium', rule: 'name-verb', reason: 'Gets a purchase order: "purchase" names the record, "get" is the verb.' },
	{ server: 'hostinger-api-mcp', tool: 'hosting_checkIfWordPressInstallationsAreValidV1', category: 'Read', level: 'Low', rule: 'name-verb', reason: 'Checks installations: "WordPress" is a product name, not the verb "press".' },
	{ server: 'wordpress-mcp-server', tool: 'respira_mint_design_preview', category: 'Write', level: 'Medium', rule: 'verb-context', reason: 'Minting a preview link creates it; only minting tokens, coins or NFTs moves money.' },
	{ server: 'conway-terminal', tool: 'credits_history', category: 'Read', level: 'Medium', rule: 'description-verb', reason: '"Get credit transaction history (top-ups, charges, etc.)": the charges are what is read.' },
	// Real definitions for rules first covered only by synthetic cases.
	{ server: 'smartbear-mcp', tool: 'contract-testing_can_i_deploy', category: 'Read', level: 'Low', rule: 'curated', reason: 'The rules read "deploy" (Execute/High); a curator set Read/Low: it asks the Pact Broker whether a version may be deployed.' },
	{ server: 'hostinger-api-mcp', tool: 'hosting_generateAFreeSubdomainV1', category: 'Write', level: 'Medium', rule: 'negation-guard', reason: '"…without purchasing a domain": the negated money word is noted, not counted.' },
	{ server: 'xero-mcp-server', tool: 'create-payment', category: 'Financial', level: 'Critical', rule: 'money', reason: 'Creating a payment moves money.' },
	{ server: '0nmcp', tool: 'knowledge_base', category: 'Write', level: 'Medium', rule: 'unknown-verb', reason: 'No verb in the name, the lead or the schema: the spec\'s pessimistic default, with low confidence.' },
	{ server: '0nmcp', tool: 'list_connections', category: 'Read', level: 'Low', rule: 'base-level', reason: 'A plain read starts, and stays, at Read\'s base level.' },
	{ server: '0nmcp', tool: 'crm_deleteTag', category: 'Destructive', level: 'Medium', rule: 'minor-object', reason: 'Deleting a tag loses metadata, not content.' },
	{ server: 'gmail-mcp', tool: 'delete_message', category: 'Destructive', level: 'Critical', rule: 'irreversible', reason: '"Permanently deletes": nothing to restore from.' },
	{ server: 'mcp-erpnext', tool: 'erpnext_kpi_revenue', category: 'Read', level: 'Medium', rule: 'annotation-read-only', reason: 'No verb in its text; the read-only claim sets the category, and the level stays at the fallback\'s Medium.' },
	{ server: 'autotel-mcp', tool: 'semconv_refresh_cache', category: 'Destructive', level: 'Medium', rule: 'annotation-contradiction', reason: 'Declared read-only, but its lead says it clears a cache; the claim lowers nothing and is flagged.' },
	{ server: 'mcp-debugger', tool: 'evaluate_expression', category: 'Execute', level: 'Critical', rule: 'code-param', reason: '"Expressions can read and modify program state": the expression it evaluates is code the caller chooses.' },
	{ server: 'prometheus-mcp', tool: 'prometheus_label_values', category: 'Read', level: 'Low', rule: 'description-verb', reason: '"label" is as often a noun; the description opens with "Get", so it reads label values.' },
];

/** Every golden case, seeds first. */
export const GOLDEN: readonly GoldenCase[] = [...SEED_GOLDEN, ...CATALOGUE_GOLDEN];
