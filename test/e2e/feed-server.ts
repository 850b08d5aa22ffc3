import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';

/** A feed server for tests, on 127.0.0.1 and a free port; pages can change while it runs. */
export type FeedServer = {
	url(pathname: string): string;
	/** Serves `body` at `pathname` with an ETag; a matching If-None-Match gets a 304. */
	serve(pathname: string, body: string | Buffer, contentType?: string): void;
	/** The requests made so far, with their headers. */
	requests: Array<{path: string; headers: IncomingMessage['headers']; status: number}>;
	close(): Promise<void>;
};

export function bundledFeed(name: string): Buffer {
	return readFileSync(path.resolve('feeds', name));
}

export async function startFeedServer(): Promise<FeedServer> {
	const pages = new Map<string, {body: Buffer; type: string; etag: string}>();
	const requests: FeedServer['requests'] = [];
	const server: Server = createServer((request, response) => {
		const page = pages.get(request.url ?? '');
		const record = (status: number) => requests.push({path: request.url ?? '', headers: request.headers, status});
		if (page === undefined) {
			record(404);
			response.writeHead(404).end('not here');
			return;
		}
		if (request.headers['if-none-match'] === page.etag) {
			record(304);
			response.writeHead(304, {etag: page.etag}).end();
			return;
		}
		record(200);
		response.writeHead(200, {'content-type': page.type, etag: page.etag}).end(page.body);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: pathname => `http://127.0.0.1:${port}${pathname}`,
		serve(pathname, body, type = 'application/xml') {
			const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
			pages.set(pathname, {body: bytes, type, etag: `"${createHash('sha1').update(bytes).digest('hex').slice(0, 12)}"`});
		},
		requests,
		close: () =>
			new Promise(resolve => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
