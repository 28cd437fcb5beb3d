// One binary file of named sections: typed arrays, read back as views on the file's bytes (no copy, no
// parse), and small JSON values. The build's lexicons and vocabulary are written so (scripts/
// build-vocabulary.mjs) and read with one readFileSync at start.
//   "ANLX" · header length (u32 little-endian) · header (JSON: per section [type, offset, length]) · sections,
//   each at an offset that is a multiple of 8 from the file's start.

const MAGIC = 0x584c4e41; // "ANLX" read little-endian
const TYPES = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array } as const;
type ArrayType = keyof typeof TYPES;
export type SectionValue = Uint8Array | Uint16Array | Uint32Array | Int32Array | { json: unknown };
type Header = Record<string, [ArrayType | 'json', number, number]>;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function typeOf(value: SectionValue): ArrayType | 'json' {
  if (value instanceof Uint8Array) return 'u8';
  if (value instanceof Uint16Array) return 'u16';
  if (value instanceof Uint32Array) return 'u32';
  if (value instanceof Int32Array) return 'i32';
  return 'json';
}

const align = (n: number): number => Math.ceil(n / 8) * 8;

/** The sections as one file's bytes (typed arrays in this machine's byte order: little-endian). */
export function encodeSections(sections: Record<string, SectionValue>): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error('sections: written on little-endian machines only');
  const bodies = Object.entries(sections).map(([name, value]) => {
    const type = typeOf(value);
    const bytes =
      'json' in value
        ? Buffer.from(JSON.stringify(value.json), 'utf8')
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { name, type, bytes };
  });
  // Offsets counted from the end of the header, which is padded to a multiple of 8 itself.
  const header: Header = {};
  let at = 0;
  for (const b of bodies) {
    header[b.name] = [b.type, at, b.bytes.length];
    at = align(at + b.bytes.length);
  }
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align(8 + head.length);
  const out = new Uint8Array(start + at);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, head.length, true);
  out.set(head, 8);
  for (const b of bodies) out.set(b.bytes, start + (header[b.name]?.[1] ?? 0));
  return out;
}

/** A file of sections, read: each section a view on the bytes. */
export class Sections {
  private readonly header: Header;
  private readonly start: number;
  private readonly bytes: Uint8Array;

  constructor(file: Uint8Array) {
    // Views need their type's alignment: a file read whole starts a buffer of its own, but be sure.
    this.bytes = file.byteOffset % 8 === 0 ? file : file.slice();
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (this.bytes.length < 8 || view.getUint32(0, true) !== MAGIC)
      throw new Error('sections: not a sections file');
    if (!LITTLE_ENDIAN) throw new Error('sections: read on little-endian machines only');
    const length = view.getUint32(4, true);
    this.header = JSON.parse(
      Buffer.from(this.bytes.buffer, this.bytes.byteOffset + 8, length).toString('utf8'),
    );
    this.start = align(8 + length);
  }

  private entry(name: string, type: ArrayType | 'json'): [number, number] {
    const e = this.header[name];
    if (!e || e[0] !== type) throw new Error(`sections: no ${type} section "${name}"`);
    return [this.bytes.byteOffset + this.start + e[1], e[2]];
  }

  array<K extends ArrayType>(name: string, type: K): InstanceType<(typeof TYPES)[K]> {
    const [offset, length] = this.entry(name, type);
    const Type = TYPES[type];
    return new Type(
      this.bytes.buffer as ArrayBuffer,
      offset,
      length / Type.BYTES_PER_ELEMENT,
    ) as InstanceType<(typeof TYPES)[K]>;
  }

  /** A section that is one of these types of array. */
  arrayOf<K extends ArrayType>(name: string, ...types: K[]): InstanceType<(typeof TYPES)[K]> {
    const type = types.find((t) => this.header[name]?.[0] === t);
    if (!type) throw new Error(`sections: no ${types.join('/')} section "${name}"`);
    return this.array(name, type);
  }

  json<T>(name: string): T {
    const [offset, length] = this.entry(name, 'json');
    return JSON.parse(Buffer.from(this.bytes.buffer, offset, length).toString('utf8')) as T;
  }
}
