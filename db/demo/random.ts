import { itemAt } from './list';

/** murmur3's 32-bit finaliser: a bijection that spreads nearby seeds apart. */
function mix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A small seeded PRNG (sfc32): the demo caseload must come out identical for the
 * same seed, ids included, so nothing here may touch Math.random or the clock.
 * sfc32 rather than the even smaller mulberry32: mulberry32's 2^32 states form a
 * single cycle, so two seeds are the same stream shifted and two runs can fall
 * into step and repeat each other's ids; sfc32's 128-bit state makes that
 * practically impossible. `salt` separates runs on the same database.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number, salt = 0) {
    this.a = mix32(seed);
    this.b = mix32(salt ^ 0x9e3779b9);
    this.c = mix32(this.a ^ this.b ^ 0x7f4a7c15);
    // The first outputs still show the seed's structure; skip them.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return itemAt(items, Math.floor(this.next() * items.length));
  }

  /** Picks an item with probability proportional to weight(item). */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return this.pick(items);
  }

  /** 16 bytes for the random part of a UUIDv7. */
  bytes16(): Uint8Array {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i += 4) {
      const word = this.uint32();
      bytes[i] = word & 0xff;
      bytes[i + 1] = (word >>> 8) & 0xff;
      bytes[i + 2] = (word >>> 16) & 0xff;
      bytes[i + 3] = word >>> 24;
    }
    return bytes;
  }
}
