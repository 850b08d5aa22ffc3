import {sanitizeLine} from '../../core/text/sanitize.js';

const MAX_DETAIL_LENGTH = 160;

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const CLOSED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);
const UNTRUSTED_CERTIFICATE_CODES = new Set([
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_UNTRUSTED',
	'CERT_SIGNATURE_FAILURE',
]);
const SELF_SIGNED_CODES = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);

type ErrorLike = {code?: unknown; message?: unknown; cause?: unknown};

function isErrorLike(value: unknown): value is ErrorLike {
	return typeof value === 'object' && value !== null;
}

/** The first code found along the error's cause chain (fetch wraps the real error in `cause`). */
function innermost(error: unknown): {code: string; message: string} {
	let current: unknown = error;
	let message = '';
	for (let depth = 0; depth < 8 && isErrorLike(current); depth++) {
		if (typeof current.message === 'string' && current.message) message = current.message;
		if (typeof current.code === 'string') return {code: current.code, message};
		current = current.cause;
	}
	return {code: '', message};
}

function detail(message: string): string {
	const line = sanitizeLine(message);
	return line.length > MAX_DETAIL_LENGTH ? `${line.slice(0, MAX_DETAIL_LENGTH - 1)}…` : line;
}

/**
 * One line saying why a request to `url` failed, from what fetch (undici) or the network threw.
 * Timeouts and the size limit are told by the caller, which knows it caused them.
 */
export function describeFetchError(error: unknown, url: URL): string {
	const {code, message} = innermost(error);
	const host = url.hostname;
	if (DNS_CODES.has(code)) return `could not resolve host ${host}`;
	if (code === 'ECONNREFUSED') return `connection refused by ${url.host}`;
	if (CLOSED_CODES.has(code)) return `the connection to ${host} closed before the response was complete`;
	if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
		const limit = /timeout: (\d+)ms/.exec(message)?.[1];
		return limit === undefined ? `timed out connecting to ${host}` : `timed out after ${Number(limit) / 1000} s connecting to ${host}`;
	}
	if (code === 'EHOSTUNREACH' || code === 'EHOSTDOWN') return `host ${host} is unreachable`;
	if (code === 'ENETUNREACH' || code === 'ENETDOWN') return `network is unreachable (connecting to ${host})`;
	// zlib's codes start Z_ (gzip, deflate); brotli's start ERR__ERROR_ (ERR__ERROR_FORMAT_PADDING_1…).
	if (code.startsWith('Z_') || code.startsWith('ERR__ERROR_')) return 'bad encoding: the compressed response is corrupt';
	if (code === 'CERT_HAS_EXPIRED') return `the TLS certificate of ${host} has expired`;
	if (code === 'CERT_NOT_YET_VALID') return `the TLS certificate of ${host} is not valid yet`;
	if (SELF_SIGNED_CODES.has(code)) return `the TLS certificate of ${host} is self-signed`;
	if (UNTRUSTED_CERTIFICATE_CODES.has(code)) return `the TLS certificate of ${host} is not trusted`;
	if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `the TLS certificate is not for ${host}`;
	if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return `TLS error with ${host}: ${detail(message)}`;
	if (code === 'UND_ERR_HEADERS_OVERFLOW') return `the response headers from ${host} are too large`;
	if (code.startsWith('HPE_') || code === 'UND_ERR_INVALID_ARG' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
		return `${host} sent a malformed HTTP response`;
	}
	if (message === 'bad port') return `port ${url.port} is not allowed for fetching`;
	return message ? `could not fetch: ${detail(message)}` : 'could not fetch';
}
