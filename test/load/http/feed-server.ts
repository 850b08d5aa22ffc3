import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export type FeedServer = {
	/** An absolute URL on this server. */
	url(path: string): string;
	/** Every request received, in order. */
	requests: IncomingMessage[];
	/** Resolves when the server sees the connection of the next request to `path` close. */
	closedAfter(path: string): Promise<void>;
	/** Requests being answered right now, and the most there ever were at once. */
	readonly inFlight: number;
	readonly maxInFlight: number;
	close(): Promise<void>;
};

/** A test HTTP server on 127.0.0.1 at a free port, answering by exact path. */
export async function startFeedServer(routes: Record<string, Route>): Promise<FeedServer> {
	const requests: IncomingMessage[] = [];
	const sockets = new Set<Socket>();
	const closeWaiters = new Map<string, () => void>();
	let inFlight = 0;
	let maxInFlight = 0;
	const server: Server = createServer((request, response) => {
		requests.push(request);
		const path = new URL(request.url ?? '/', 'http://test').pathname;
		const waiter = closeWaiters.get(path);
		if (waiter) {
			closeWaiters.delete(path);
			request.socket.once('close', waiter);
		}
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		response.once('close', () => inFlight--);
		const route = routes[path];
		if (route) route(request, response);
		else {
			response.writeHead(404, {'Content-Type': 'text/plain'});
			response.end('no such page');
		}
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: path => `http://127.0.0.1:${port}${path}`,
		requests,
		closedAfter: path => new Promise(resolve => closeWaiters.set(path, resolve)),
		get inFlight() {
			return inFlight;
		},
		get maxInFlight() {
			return maxInFlight;
		},
		close: () =>
			new Promise(resolve => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** A small RSS 2.0 feed of our own; `encoding` goes into the XML declaration when given. */
export function rssFeed(title: string, items: string[], encoding?: string): string {
	const declaration = encoding === undefined ? '<?xml version="1.0"?>' : `<?xml version="1.0" encoding="${encoding}"?>`;
	const entries = items.map(
		(item, index) => `<item><title>${item}</title><guid>urn:test:${index}</guid><link>https://example.org/${index}</link></item>`,
	);
	return `${declaration}\n<rss version="2.0"><channel><title>${title}</title><link>https://example.org/</link>${entries.join('')}</channel></rss>\n`;
}
