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

/** A zip built byte by byte, so that its declared sizes can lie (CRCs are left 0: films does not check them). */
export function zipFile(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    if (entry.listed !== false) centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const listed = entries.filter((entry) => entry.listed !== false).length;
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
