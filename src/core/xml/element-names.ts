// Feed elements are known by namespace URI, not by the prefix a publisher happened to choose:
// `<r:rss xmlns:r="http://backend.userland.com/rss2">` is <rss>, `<d:date>` bound to Dublin Core
// is <dc:date>, and `<date xmlns="http://purl.org/dc/elements/1.1/">` is too. The repair scan
// gives every element its canonical name here, so everything after it reads one spelling.
// Names of the core feed vocabularies are also matched without regard to case (Microsoft's CDF
// writes <CHANNEL>, <ITEM>, <TITLE>), as Python's feedparser does.

import type {XmlDialect} from './dialect.js';

// RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 (and the Atom drafts' namespaces): no prefix. Lower case, as
// URIs are compared without regard to case.
const CORE_NAMESPACES = new Set([
	'http://backend.userland.com/rss',
	'http://backend.userland.com/rss2',
	'http://blogs.law.harvard.edu/tech/rss',
	'http://purl.org/rss/1.0/',
	'http://my.netscape.com/rdf/simple/0.9/',
	'http://purl.org/rss/1.0/modules/rss091#',
	'http://purl.org/echo/',
	'http://purl.org/pie/',
	'http://purl.org/atom/ns#',
]);
const ATOM_NAMESPACE = 'http://www.w3.org/2005/atom';

const PREFIX_BY_NAMESPACE = new Map([
	['http://purl.org/dc/elements/1.1/', 'dc'],
	['http://purl.org/dc/terms/', 'dcterms'],
	['http://purl.org/rss/1.0/modules/content/', 'content'],
	['http://www.w3.org/1999/xhtml', 'xhtml'],
	['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
	['http://www.itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
	['http://search.yahoo.com/mrss/', 'media'],
	['http://search.yahoo.com/mrss', 'media'],
	['http://purl.org/rss/1.0/modules/slash/', 'slash'],
	['http://wellformedweb.org/commentapi/', 'wfw'],
]);

// The core element names the readers look for, keyed by their lower-case spelling.
const CORE_NAMES = new Map(
	[
		'rss',
		'channel',
		'item',
		'title',
		'link',
		'description',
		'pubDate',
		'guid',
		'author',
		'category',
		'enclosure',
		'comments',
		'source',
		'feed',
		'entry',
		'id',
		'updated',
		'published',
		'issued',
		'modified',
		'created',
		'summary',
		'content',
		'abstract',
		'fullitem',
		'body',
		'name',
		'email',
		'uri',
		'url',
		'image',
		'textinput',
		'items',
		'lastBuildDate',
		'language',
		'subtitle',
		'tagline',
		'rights',
		'copyright',
	].map(name => [name.toLowerCase(), name]),
);

const XMLNS_ATTRIBUTE = /\sxmlns(?::([^\s=/>]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const PREFIXED_ATTRIBUTE = /(\s)([^\s=/>:"']+):(?=[^\s=/>"']+\s*=)/g;

function coreName(local: string): string {
	return CORE_NAMES.get(local) ?? CORE_NAMES.get(local.toLowerCase()) ?? local;
}

/** The namespace bindings in effect inside one element; each declaring element starts a new scope. */
export class NamespaceScope {
	private readonly names = new Map<string, string>();
	/** Prefixes bound here or above to a known namespace under another prefix (`RDF:` for `rdf:`). */
	private readonly attributePrefixes: Map<string, string> | undefined;

	private constructor(
		private readonly parent: NamespaceScope | undefined,
		private readonly bindings: Map<string, string>,
		private readonly dialect: XmlDialect,
	) {
		let renamed = parent?.attributePrefixes;
		for (const [prefix, uri] of bindings) {
			if (prefix === '') continue;
			const usual = PREFIX_BY_NAMESPACE.get(uri);
			const wanted = usual !== undefined && usual !== prefix ? usual : undefined;
			if (renamed?.get(prefix) === wanted) continue;
			renamed = new Map(renamed);
			if (wanted === undefined) renamed.delete(prefix);
			else renamed.set(prefix, wanted);
		}
		this.attributePrefixes = renamed?.size ? renamed : undefined;
	}

	/** The scope before the root element: no bindings, dialect not yet known. */
	static document(): NamespaceScope {
		return new NamespaceScope(undefined, new Map(), 'unknown');
	}

	/** The scope inside an element whose start tag is `tag`: this one, or a child when it binds prefixes. */
	inside(tag: string): NamespaceScope {
		if (!tag.includes('xmlns')) return this;
		const bindings = new Map<string, string>();
		for (const match of tag.matchAll(XMLNS_ATTRIBUTE)) {
			bindings.set(match[1] ?? '', (match[2] ?? match[3] ?? '').trim().toLowerCase());
		}
		return bindings.size === 0 ? this : new NamespaceScope(this, bindings, this.dialect);
	}

	/** The same bindings, read as part of a document of `dialect` (known once the root is named). */
	forDialect(dialect: XmlDialect): NamespaceScope {
		return new NamespaceScope(this.parent, this.bindings, dialect);
	}

	private namespaceOf(prefix: string): string | undefined {
		for (let scope: NamespaceScope | undefined = this; scope; scope = scope.parent) {
			const uri = scope.bindings.get(prefix);
			if (uri !== undefined) return uri;
		}
		return undefined;
	}

	/** The canonical name of an element written `name` in this scope. */
	canonical(name: string): string {
		let result = this.names.get(name);
		if (result === undefined) {
			result = this.resolve(name);
			this.names.set(name, result);
		}
		return result;
	}

	private resolve(name: string): string {
		const colon = name.indexOf(':');
		const prefix = colon < 0 ? '' : name.slice(0, colon);
		const local = colon < 0 ? name : name.slice(colon + 1);
		const uri = this.namespaceOf(prefix);
		// No namespace, or an undeclared prefix (feeds often use dc: without declaring it).
		if (uri === undefined || uri === '') return prefix === '' ? coreName(local) : name;
		if (uri === ATOM_NAMESPACE) return this.dialect === 'rss' ? `atom:${local}` : coreName(local);
		if (CORE_NAMESPACES.has(uri) || uri.includes('backend.userland.com/rss')) return coreName(local);
		const known = PREFIX_BY_NAMESPACE.get(uri);
		if (known === undefined) return name;
		if (known === 'rdf') return local.toLowerCase() === 'rdf' ? 'rdf:RDF' : `rdf:${local}`;
		return `${known}:${local.toLowerCase()}`;
	}

	/** `tag` with attribute prefixes bound to known namespaces renamed to their usual spelling. */
	canonicalAttributes(tag: string): string {
		const renamed = this.attributePrefixes;
		if (renamed === undefined) return tag;
		return tag.replace(PREFIXED_ATTRIBUTE, (match, space: string, prefix: string) => {
			const canonical = renamed.get(prefix);
			return canonical === undefined ? match : `${space}${canonical}:`;
		});
	}
}
