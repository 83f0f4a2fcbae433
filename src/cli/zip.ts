/**
 * The package of an .xlsx file, opened with every limit checked before anything is expanded: only a regular
 * file is opened (a FIFO or /dev/zero named .xlsx is refused unread), its size, its number of entries and each
 * part's inflated size are bounded, and the inflated bytes are counted as they come (yauzl checks each part's
 * actual size against the size the package declares, so a lying header cannot slip a bomb through).
 */
import fsCb, { constants, promises as fs } from 'fs';
import { promisify } from 'util';
import { Readable, Transform } from 'stream';
import { crc32, inflateRawSync } from 'zlib';
import yauzl from 'yauzl';
import { resolvePath } from './files';
import { ReadError } from './read-error';

export const ZIP_LIMITS = {
  /** the file on disk */
  fileBytes: 100 * 1024 * 1024,
  /** entries in the package */
  entries: 20_000,
  /** one part, inflated */
  partBytes: 128 * 1024 * 1024,
  /** every part read, inflated, added up */
  totalBytes: 256 * 1024 * 1024,
};

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const MB = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

/** Packages up to this size are read into memory whole (ZipPackage.open), and their parts up to WHOLE_PART_BYTES
 *  inflated at once (ZipPackage.whole); a larger part is streamed. */
const IN_MEMORY_BYTES = 16 * 1024 * 1024;
const WHOLE_PART_BYTES = 32 * 1024 * 1024;

/** The file's bytes, `size` of them as its stat said (a file that shrank since is cut short: the zip reader then
 *  finds it truncated). */
async function readWhole(fd: number, size: number): Promise<Buffer> {
  const buf = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await promisify(fsCb.read)(fd, buf, at, size - at, at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return at === size ? buf : buf.subarray(0, at);
}

export class ZipPackage {
  private inflated = 0;
  private constructor(private readonly zip: yauzl.ZipFile, private readonly entries: Map<string, yauzl.Entry>, private readonly inMemory: boolean) {}

  static async open(shown: string): Promise<ZipPackage> {
    // a name shown decoded from bytes that are not UTF-8 (GBK) is opened by its bytes
    const file = resolvePath(shown);
    let stat;
    try {
      stat = await fs.stat(file);
    } catch (e) {
      throw ReadError.fromSystem(e);
    }
    if (stat.isDirectory()) throw new ReadError('notFile');
    if (!stat.isFile()) throw new ReadError('notRegular');
    if (stat.size > ZIP_LIMITS.fileBytes) throw new ReadError('tooLarge', { what: MB(stat.size), limit: MB(ZIP_LIMITS.fileBytes) });
    if (stat.size === 0) throw new ReadError('empty');
    let fd: number;
    try {
      // non-blocking, so that a file swapped for a FIFO after the check above cannot hang the read
      fd = await promisify(fsCb.open)(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (e) {
      throw ReadError.fromSystem(e);
    }
    // the fd belongs to yauzl once it has it: zip.close() closes it when the last part stream has ended
    let zip: yauzl.ZipFile | undefined;
    // (closed once: a number closed twice may by then be another file's)
    let fdOpen = true;
    try {
      const head = Buffer.alloc(8);
      await promisify(fsCb.read)(fd, head, 0, 8, 0);
      if (head.equals(OLE)) throw new ReadError('oleOrEncrypted');
      if (!head.subarray(0, 4).equals(ZIP)) throw new ReadError('notZip');
      const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: false };
      // a package of a few MB (every workbook of a department) is read whole at once and its parts are read from
      // memory: reading them through the fd cost a round trip to the thread pool for every 16 KB; a large one is
      // read part by part as it is needed
      const inMemory = stat.size <= IN_MEMORY_BYTES ? await readWhole(fd, stat.size) : null;
      if (inMemory) {
        fdOpen = false;
        fsCb.close(fd, () => undefined);
      }
      zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
        const done = (err: Error | null, z?: yauzl.ZipFile): void => (err ? reject(err) : resolve(z!));
        if (inMemory) yauzl.fromBuffer(inMemory, options, done);
        else yauzl.fromFd(fd, options, done);
      }).catch((e: unknown) => {
        // no end-of-archive record: the file was cut short (an interrupted download or copy)
        const reason = String((e as Error).message);
        throw /end of central directory/i.test(reason) ? new ReadError('truncated') : new ReadError('corrupt', { reason });
      });
      const z = zip;
      const entries = new Map<string, yauzl.Entry>();
      const all: yauzl.Entry[] = [];
      await new Promise<void>((resolve, reject) => {
        let n = 0;
        z.on('entry', (entry: yauzl.Entry) => {
          if (++n > ZIP_LIMITS.entries) {
            reject(new ReadError('tooManyEntries', { limit: ZIP_LIMITS.entries }));
            return;
          }
          // names are decoded here, not by yauzl, which refuses a leading slash (written in practice, the same part)
          const raw = entry.fileName as unknown as Buffer;
          const fileName = raw.toString((entry.generalPurposeBitFlag & 0x800) || !raw.some((b) => b > 0x7f) ? 'utf8' : 'latin1').replace(/\\/g, '/');
          entry.fileName = fileName;
          all.push(entry);
          // part names are case-insensitive (OPC): two entries for one part (also differing in case only) leave
          // which one is the part to entry order, and a reader must not guess
          if (!fileName.endsWith('/')) {
            const key = fileName.replace(/^\/+/, '').toLowerCase();
            const before = entries.get(key);
            if (before) {
              reject(new ReadError('corrupt', {
                reason: `压缩包中部件 ${key} 出现两次（${before.fileName}、${fileName}），无法确定哪一个有效`,
                'reason.en': `the package holds part ${key} twice (${before.fileName}, ${fileName}); which one is meant cannot be told`,
              }));
              return;
            }
            entries.set(key, entry);
          }
          z.readEntry();
        });
        z.on('end', () => {
          const overlap = overlapping(all);
          if (overlap) {
            reject(new ReadError('corrupt', {
              reason: `压缩包中部件 ${overlap[0]} 与 ${overlap[1]} 的数据相互重叠（一种压缩炸弹的做法），不予读取`,
              'reason.en': `parts ${overlap[0]} and ${overlap[1]} overlap in the package (a way of building a zip bomb); not read`,
            }));
          } else resolve();
        });
        z.on('error', (e: Error) => reject(new ReadError('corrupt', { reason: e.message })));
        z.readEntry();
      });
      return new ZipPackage(z, entries, !!inMemory);
    } catch (e) {
      if (zip) zip.close();
      else if (fdOpen) fsCb.close(fd, () => undefined);
      throw e;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The part's inflated bytes, checked against the limits before it is opened. */
  async stream(name: string): Promise<Readable> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new ReadError('corrupt', { reason: `missing part ${name}` });
    if (entry.isEncrypted()) throw new ReadError('oleOrEncrypted');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new ReadError('corrupt', { reason: `compression method ${entry.compressionMethod}` });
    if (entry.uncompressedSize > ZIP_LIMITS.partBytes) {
      throw new ReadError('tooLarge', { what: `${name} ${MB(entry.uncompressedSize)}`, limit: MB(ZIP_LIMITS.partBytes) });
    }
    this.inflated += entry.uncompressedSize;
    if (this.inflated > ZIP_LIMITS.totalBytes) throw new ReadError('tooLarge', { what: MB(this.inflated), limit: MB(ZIP_LIMITS.totalBytes) });
    if (this.inMemory && entry.uncompressedSize <= WHOLE_PART_BYTES) return this.whole(entry);
    return new Promise<Readable>((resolve, reject) => {
      this.zip.openReadStream(entry, (err, s) => (err ? reject(new ReadError('corrupt', { reason: err.message })) : resolve(checkCrc(s!, entry))));
    });
  }

  /**
   * A part of a package held in memory, inflated at once (zlib's streams took a round trip to the thread pool for
   * every 16 KB): never to more bytes than the package declares for it (maxOutputLength), then its size and its
   * CRC-32 checked as the streamed path checks them — a lying header is damage either way. Given to the reader in
   * pieces, as a stream would.
   */
  private async whole(entry: yauzl.Entry): Promise<Readable> {
    const raw = await new Promise<Buffer>((resolve, reject) => {
      // (a stored part comes as it is: yauzl takes `decompress` for deflated ones only)
      this.zip.openReadStream(entry, entry.compressionMethod === 8 ? { decompress: false } : {}, (err, s) => {
        if (err) return reject(new ReadError('corrupt', { reason: err.message }));
        const parts: Buffer[] = [];
        s!.on('data', (c: Buffer) => parts.push(c));
        s!.on('error', (e: Error) => reject(new ReadError('corrupt', { reason: e.message })));
        s!.on('end', () => resolve(Buffer.concat(parts)));
      });
    });
    const declared = entry.uncompressedSize;
    let out: Buffer;
    if (entry.compressionMethod === 0) out = raw;
    else {
      try {
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, declared) });
      } catch (e) {
        const code = (e as { code?: string }).code;
        throw new ReadError('corrupt', { reason: code === 'ERR_BUFFER_TOO_LARGE' ? `too many bytes in the stream (${entry.fileName}: more than ${declared})` : String((e as Error).message) });
      }
    }
    if (out.length !== declared) throw new ReadError('corrupt', { reason: `${entry.fileName}: expected ${declared} bytes, got ${out.length}` });
    if (crc32(out) >>> 0 !== entry.crc32 >>> 0) throw crcMismatch(entry);
    const size = 256 * 1024;
    return Readable.from((function* pieces() {
      for (let at = 0; at < out.length; at += size) yield out.subarray(at, at + size);
    })());
  }

  close(): void {
    this.zip.close();
  }
}

/**
 * Two entries whose bytes overlap, if any: each entry's local header and compressed data must end before the next
 * entry's header begins. A writer never shares bytes between parts; a bomb does, so that a small file inflates to
 * many copies of one large part (found before anything is inflated). The extent counted is the least an entry can
 * take (its 30-byte header and its data, without its name), so a valid package is never refused.
 */
export function overlapping(entries: readonly yauzl.Entry[]): [string, string] | null {
  const byOffset = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  for (let i = 1; i < byOffset.length; i++) {
    const a = byOffset[i - 1]!;
    const b = byOffset[i]!;
    if (b.relativeOffsetOfLocalHeader < a.relativeOffsetOfLocalHeader + 30 + a.compressedSize) return [a.fileName, b.fileName];
  }
  return null;
}

/** A part whose bytes do not give the CRC-32 the package states for it. */
function crcMismatch(entry: yauzl.Entry): ReadError {
  return new ReadError('corrupt', {
    reason: `部件 ${entry.fileName} 的校验和（CRC-32）不符，内容已改变`,
    'reason.en': `part ${entry.fileName} fails its CRC-32 check: its content has changed`,
  });
}

/** The part's bytes with their CRC-32 checked at the end against the package's (yauzl does not check it): a part
 *  whose bytes changed is damage, never read as it is. */
function checkCrc(s: Readable, entry: yauzl.Entry): Readable {
  let crc = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      if (crc >>> 0 === entry.crc32 >>> 0) done();
      else done(crcMismatch(entry));
    },
  });
  s.on('error', (e) => t.destroy(e));
  // read from memory, a small part can end — and fail its check — before its reader has begun: the error is kept
  // on the stream (its reader's `for await` throws it), not thrown as an unhandled 'error' event
  t.on('error', () => undefined);
  return s.pipe(t);
}
