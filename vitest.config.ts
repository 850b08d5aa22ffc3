import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 20_000,
		hookTimeout: 30_000,
		globalSetup: ['test/setup/cache-dir.ts'],
	},
});
