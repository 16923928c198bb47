import { constants, deflateRawSync } from 'node:zlib';

const MEGABYTE = 2 ** 20;
/** One megabyte of zeros, deflated as a block that does not end the stream: copies of it can follow each other. */
const ZERO_BLOCK = deflateRawSync(Buffer.alloc(MEGABYTE), { finishFlush: constants.Z_SYNC_FLUSH });
/** An empty final block: the end of a deflate stream. */
const LAST_BLOCK = Buffer.from([0x03, 0x00]);

/** A deflate stream of `megabytes` MB of zeros, made in no time (about 1 KB a megabyte); `tail` follows the data, e.g. garbage. */
export function deflatedZeros(megabytes: number, tail: Buffer = LAST_BLOCK): Buffer {
  return Buffer.concat([...Array.from({ length: megabytes }, () => ZERO_BLOCK), tail]);
}

export interface ZipEntry {
  name: string;
  /** The entry's data as stored: deflated (method 8) or as it is (method 0). */
  data: Buffer;
  method: 0 | 8;
  /** The uncompressed size the zip declares, true or not. */
  declaredSize: number;
  /** False for an entry its directory leaves out: only a reader of the local headers finds it. */
  listed?: boolean;
}

/** A little-endian record: each field as [offset, bytes, value]. */
function record(length: number, fields: [offset: number, bytes: 2 | 4, value: number][]): Buffer {
  const bytes = Buffer.alloc(length);
  for (const [offset, size, value] of fields) {
    if (size === 2) bytes.writeUInt16LE(value, offset);
    else bytes.writeUInt32LE(value, offset);
  }
  return bytes;
}

/** A zip built byte by byte (APPNOTE 4.3), so that its declared sizes can lie; CRCs are left 0 (films does not check them). */
export function zipFile(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    // Version 2.0, the method, 1980-01-01, the sizes, the name's length.
    const local = record(30, [
      [0, 4, 0x04034b50],
      [4, 2, 20],
      [8, 2, entry.method],
      [12, 2, 0x21],
      [18, 4, entry.data.length],
      [22, 4, entry.declaredSize],
      [26, 2, name.length],
    ]);
    const central = record(46, [
      [0, 4, 0x02014b50],
      [4, 2, 20],
      [6, 2, 20],
      [10, 2, entry.method],
      [14, 2, 0x21],
      [20, 4, entry.data.length],
      [24, 4, entry.declaredSize],
      [28, 2, name.length],
      [42, 4, offset],
    ]);
    locals.push(local, name, entry.data);
    if (entry.listed !== false) centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const listed = entries.filter((entry) => entry.listed !== false).length;
  const end = record(22, [
    [0, 4, 0x06054b50],
    [8, 2, listed],
    [10, 2, listed],
    [12, 4, directory.length],
    [16, 4, offset],
  ]);
  return Buffer.concat([...locals, directory, end]);
}
