import chalk, {Chalk, type ChalkInstance, type ColorSupportLevel, type ForegroundColorName} from 'chalk';

/** How one named style looks. Colors are dropped under NO_COLOR; the modifiers stay. */
export type StyleSpec = {
	color?: ForegroundColorName;
	bold?: boolean;
	dim?: boolean;
	italic?: boolean;
	underline?: boolean;
	inverse?: boolean;
};

export const themeSpec = {
	header: {bold: true, color: 'cyan'},
	headerCounts: {color: 'cyan'},
	unreadMarker: {color: 'green', bold: true},
	bookmarkMarker: {color: 'yellow'},
	title: {bold: true},
	titleRead: {dim: true},
	byline: {color: 'gray'},
	searchMatch: {color: 'yellow', bold: true, underline: true},
	selected: {inverse: true},
	status: {color: 'blue'},
	error: {color: 'red'},
	hint: {dim: true},
	hintKey: {bold: true},
	detailTitle: {bold: true},
	detailMeta: {color: 'gray'},
	link: {color: 'blue', underline: true},
	scrollIndicator: {dim: true},
	overlayTitle: {bold: true, underline: true},
	overlayKey: {bold: true, color: 'yellow'},
	plain: {},
} satisfies Record<string, StyleSpec>;

export type StyleName = keyof typeof themeSpec;
export type Theme = Record<StyleName, (text: string) => string>;

/**
 * NO_COLOR (https://no-color.org): set and non-empty disables color. chalk 5's bundled
 * supports-color reads FORCE_COLOR but not NO_COLOR, so the theme checks it itself.
 */
export function colorDisabledByEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
	const value = env['NO_COLOR'];
	return value !== undefined && value !== '';
}

export type ThemeOptions = {
	/** Defaults to what chalk detected for stdout (0 when it is not a terminal). */
	level?: ColorSupportLevel;
	/** Defaults to `colorDisabledByEnvironment()`. */
	noColor?: boolean;
};

function compile(instance: ChalkInstance, spec: StyleSpec, noColor: boolean): (text: string) => string {
	if (instance.level === 0) return text => text;
	let style = instance;
	if (spec.color !== undefined && !noColor) style = style[spec.color];
	if (spec.bold) style = style.bold;
	if (spec.dim) style = style.dim;
	if (spec.italic) style = style.italic;
	if (spec.underline) style = style.underline;
	if (spec.inverse) style = style.inverse;
	return style === instance ? text => text : text => style(text);
}

export function createTheme(options: ThemeOptions = {}): Theme {
	const noColor = options.noColor ?? colorDisabledByEnvironment();
	const instance = new Chalk({level: options.level ?? chalk.level});
	const theme = {} as Theme;
	for (const name of Object.keys(themeSpec) as StyleName[]) {
		theme[name] = compile(instance, themeSpec[name], noColor);
	}
	return theme;
}
