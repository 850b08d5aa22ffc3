import fs from 'node:fs';
import type {FileHandle} from 'node:fs/promises';
import type {Slicer} from '../slices.js';

// The background save's own atomic write. conf writes a file in one synchronous call, which would
// hold the event loop for as long as the whole text takes to build and write; here the text comes in
// pieces, each written as it is made, to a temp file beside the state file. The promise of the
// write is what lets keys through meanwhile. Only once every byte is written and synced does the
// temp file replace the state file: a full disk or a cancelled save leaves the old file as it was.

const {O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW} = fs.constants;

/** Pieces are gathered into writes of about this many characters. */
const WRITE_CHARS = 1024 * 1024;

/** Under a name removeAbandonedTempFiles() knows, so one left by kill -9 is cleared at the next open. */
function tempName(target: string): string {
	return `${target}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}

async function writeAll(handle: FileHandle, bytes: Buffer, slicer: Slicer): Promise<void> {
	let written = 0;
	while (written < bytes.length) {
		const {bytesWritten} = await slicer.wait(handle.write(bytes, written, bytes.length - written));
		if (bytesWritten === 0) throw new Error('the disk is full (nothing more could be written)');
		written += bytesWritten;
	}
}

/**
 * Writes `pieces` to a new file beside `target` (mode 0600) and, once synced, renames it over
 * `target`. Call with the state lock held; `slicer` is checked after every write, and the rename is
 * the last step, done only when the save was not cancelled and `stillLocked()`. Throws on any failure, leaving `target`
 * as it was.
 */
export async function writeStateInSlices(
	target: string,
	pieces: Iterator<string, void>,
	slicer: Slicer,
	stillLocked: () => boolean = () => true,
): Promise<void> {
	const temp = tempName(target);
	// O_EXCL: whatever already sits at that name (a link planted there) is refused, never followed.
	const handle = await fs.promises.open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
	let closed = false;
	try {
		let pending: string[] = [];
		let pendingChars = 0;
		let total = 0;
		const flush = async () => {
			const bytes = Buffer.from(pending.join(''), 'utf8');
			pending = [];
			pendingChars = 0;
			await writeAll(handle, bytes, slicer);
			total += bytes.length;
		};

		for (let piece = pieces.next(); !piece.done; piece = pieces.next()) {
			pending.push(piece.value);
			pendingChars += piece.value.length;
			if (pendingChars >= WRITE_CHARS) await flush();
			else await slicer.pause();
		}

		if (pendingChars > 0) await flush();
		await slicer.wait(handle.sync());
		const stats = await slicer.wait(handle.stat());
		if (stats.size !== total) throw new Error(`the disk is full (${stats.size} of ${total} bytes written)`);
		await handle.close();
		closed = true;
		slicer.check();
		// Nothing is awaited from here on: a cancel cannot come between this check and the rename.
		const now = fs.lstatSync(temp);
		if (!now.isFile() || now.ino !== stats.ino) throw new Error(`${temp} was replaced while it was being written`);
		// A step that took longer than a lock may stay unrefreshed (a hung disk) lets another process
		// take the lock as stale: its changes would then be written over.
		if (!stillLocked()) throw new Error('another process took over the state lock during the save');
		fs.renameSync(temp, target);
	} catch (error) {
		if (!closed) await handle.close().catch(() => {});
		fs.rmSync(temp, {force: true});
		throw error;
	}
}
