import type {SubscriptionEntry} from './subscription-entry.js';

export type OpmlOptions = {
	/** The document's <title>. */
	title?: string;
	/** Written as <dateCreated>; left out when not given, so the output can be compared. */
	dateCreated?: Date;
};

type Group = {name: string; children: Node[]};
type Node = Group | SubscriptionEntry;

// Characters XML 1.0 cannot hold at all (C0 controls other than tab and line breaks, U+FFFE/U+FFFF,
// unpaired surrogates) are left out rather than written as a document no parser accepts.
const NOT_XML =
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;'};

/** A value made safe inside a double-quoted XML attribute; tabs and line breaks survive parsing. */
function escapeAttribute(value: string): string {
	return value.replace(NOT_XML, '').replace(/[&<>"\t\n\r]/g, character => ESCAPES[character]!);
}

function escapeText(value: string): string {
	return value.replace(NOT_XML, '').replace(/[&<>]/g, character => ESCAPES[character]!);
}

function isGroup(node: Node): node is Group {
	return 'children' in node;
}

/** Subscriptions arranged into nested groups, each group where its first member first appears. */
function groupTree(subscriptions: readonly SubscriptionEntry[]): Node[] {
	const root: Group = {name: '', children: []};
	const groupsByPath = new Map<string, Group>();
	for (const subscription of subscriptions) {
		let parent = root;
		const path: string[] = [];
		for (const name of subscription.group ?? []) {
			path.push(name);
			const key = JSON.stringify(path);
			let group = groupsByPath.get(key);
			if (group === undefined) {
				group = {name, children: []};
				groupsByPath.set(key, group);
				parent.children.push(group);
			}
			parent = group;
		}
		parent.children.push(subscription);
	}
	return root.children;
}

function feedOutline(subscription: SubscriptionEntry): string {
	const attributes = [
		`type="rss"`,
		`text="${escapeAttribute(subscription.title ?? subscription.url)}"`,
		...(subscription.title === undefined ? [] : [`title="${escapeAttribute(subscription.title)}"`]),
		`xmlUrl="${escapeAttribute(subscription.url)}"`,
		...(subscription.htmlUrl === undefined ? [] : [`htmlUrl="${escapeAttribute(subscription.htmlUrl)}"`]),
	];
	return `<outline ${attributes.join(' ')}/>`;
}

function writeNodes(nodes: readonly Node[], depth: number, lines: string[]): void {
	const indent = '\t'.repeat(depth);
	for (const node of nodes) {
		if (!isGroup(node)) {
			lines.push(indent + feedOutline(node));
			continue;
		}
		const name = escapeAttribute(node.name);
		lines.push(`${indent}<outline text="${name}" title="${name}">`);
		writeNodes(node.children, depth + 1, lines);
		lines.push(`${indent}</outline>`);
	}
}

/**
 * OPML 2.0 for a list of subscriptions, groups as nested outlines: what parseOpml reads back as
 * the same subscriptions in the same groups. A feed without a title gets its URL as `text`
 * (OPML requires one), which parseOpml reads as no title.
 */
export function writeOpml(subscriptions: readonly SubscriptionEntry[], options: OpmlOptions = {}): string {
	const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', '\t<head>'];
	lines.push(`\t\t<title>${escapeText(options.title ?? 'flashnews subscriptions')}</title>`);
	if (options.dateCreated !== undefined) lines.push(`\t\t<dateCreated>${options.dateCreated.toUTCString()}</dateCreated>`);
	lines.push('\t</head>', '\t<body>');
	writeNodes(groupTree(subscriptions), 2, lines);
	lines.push('\t</body>', '</opml>', '');
	return lines.join('\n');
}
