/**
 * The counterweight lottery's draw (DESIGN §4, docs/karma-and-agenda.md "exact bytes"),
 * recomputed in the browser with WebCrypto from public data alone:
 * seed = SHA-256(UTF-8(period id) ‖ head hash); member m is drawn iff the first 8 bytes of
 * SHA-256(seed ‖ m's number as 8 bytes big-endian), read as an unsigned big-endian integer v,
 * satisfy v < ⌈p · 2^64⌉ — compared in integers, as the server does, so no rounding can flip it.
 */
export interface DrawInput {
  periodId: string;
  headHash: string;
  seed: string;
  entries: { memberNumber: string; probability: number; drawn: boolean }[];
}

export interface DrawCheck {
  /** SHA-256(period id ‖ head hash), hex, as recomputed here. */
  seed: string;
  seedMatches: boolean;
  /** Members whose published outcome differs from the recomputed one, by number. */
  mismatches: string[];
  drawn: string[];
  matches: boolean;
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) throw new Error(`"${hex}" is not hex`);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

export async function drawSeed(periodId: string, headHash: string): Promise<Uint8Array<ArrayBuffer>> {
  const id = new TextEncoder().encode(periodId);
  const head = fromHex(headHash);
  const input = new Uint8Array(id.length + head.length);
  input.set(id, 0);
  input.set(head, id.length);
  return sha256(input);
}

/** The first 8 bytes of SHA-256(seed ‖ member number, 8 bytes big-endian), as an unsigned integer. */
export async function ticket(seed: Uint8Array, memberNumber: string): Promise<bigint> {
  const input = new Uint8Array(seed.length + 8);
  input.set(seed, 0);
  new DataView(input.buffer).setBigInt64(seed.length, BigInt(memberNumber), false);
  const hash = await sha256(input);
  return new DataView(hash.buffer).getBigUint64(0, false);
}

const twoTo64 = 18446744073709551616;

export function isDrawn(value: bigint, probability: number): boolean {
  if (probability <= 0) return false;
  if (probability >= 1) return true;
  // p · 2^64 is exact in binary floating point; its ceiling is an exact integer too.
  return value < BigInt(Math.ceil(probability * twoTo64));
}

export async function verifyDraw(draw: DrawInput): Promise<DrawCheck> {
  const seed = await drawSeed(draw.periodId, draw.headHash);
  const seedHex = toHex(seed);
  const mismatches: string[] = [];
  const drawn: string[] = [];
  for (const entry of draw.entries) {
    const outcome = isDrawn(await ticket(seed, entry.memberNumber), entry.probability);
    if (outcome) drawn.push(entry.memberNumber);
    if (outcome !== entry.drawn) mismatches.push(entry.memberNumber);
  }
  const seedMatches = seedHex === draw.seed.toLowerCase();
  return { seed: seedHex, seedMatches, mismatches, drawn, matches: seedMatches && mismatches.length === 0 };
}
