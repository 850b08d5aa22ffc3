// Types for the test that compares the committed pictures with a fresh capture.
export type Shot = {name: string; alt: string; text: string; styled: string};

export const rootDir: string;
export const screensDir: string;
export const SCREENS: readonly {name: string; alt: string}[];
export function hasTmux(): boolean;
export function captureScreens(options?: {onStep?: (text: string) => void}): Promise<Shot[]>;
export function pictureOf(shot: Shot): Promise<string>;
export function textSha256(text: string): string;
