import chalk, {Chalk, type ChalkInstance, type ColorSupportLevel, type ForegroundColorName} from 'chalk';

/** A colour by chalk's name ('cyan', 'redBright') or as '#rrggbb', which chalk fits to the terminal. */
export type ThemeColor = ForegroundColorName | `#${string}`;

/** How one named style looks. Colors are dropped under NO_COLOR; the modifiers stay. */
export type StyleSpec = {
	color?: ThemeColor;
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
export type ThemeSpec = Record<StyleName, StyleSpec>;

// For light backgrounds: yellow and cyan are hard to read on white. Styles not named here look
// as in the dark theme.
const LIGHT_CHANGES: Partial<ThemeSpec> = {
	header: {bold: true, color: 'blue'},
	headerCounts: {color: 'blue'},
	bookmarkMarker: {color: 'magenta'},
	overlayKey: {bold: true, color: 'magenta'},
};

/** The built-in themes; `dark` (for dark backgrounds) is the default. */
export const BUILT_IN_THEMES: Record<'dark' | 'light', ThemeSpec> = {
	dark: themeSpec,
	light: {...themeSpec, ...LIGHT_CHANGES},
};
export type BuiltInTheme = keyof typeof BUILT_IN_THEMES;

/**
 * NO_COLOR (https://no-color.org): set and non-empty disables color. chalk 5's bundled
 * supports-color reads FORCE_COLOR but not NO_COLOR, so the theme checks it itself.
 */
export function colorDisabledByEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
	const value = env.NO_COLOR;
	return value !== undefined && value !== '';
}

export type ThemeOptions = {
	/** Defaults to what chalk detected for stdout (0 when it is not a terminal). */
	level?: ColorSupportLevel;
	/** Defaults to `colorDisabledByEnvironment()`. */
	noColor?: boolean;
	/** Defaults to the dark theme. */
	spec?: ThemeSpec;
};

function compile(instance: ChalkInstance, spec: StyleSpec, noColor: boolean): (text: string) => string {
	if (instance.level === 0) return text => text;
	let style = instance;
	if (spec.color !== undefined && !noColor)
		style = spec.color.startsWith('#') ? style.hex(spec.color) : style[spec.color as ForegroundColorName];
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
	const spec = options.spec ?? themeSpec;
	const theme = {} as Theme;
	for (const name of Object.keys(themeSpec) as StyleName[]) {
		theme[name] = compile(instance, spec[name], noColor);
	}
	return theme;
}
