import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { type Limits, SpreadsheetError } from './problems';

/** A zip file whose parts are read in any order, each inflated in memory as a stream: nothing is written to disk. */
export interface ZipArchive {
  has(name: string): boolean;
  /** The part's inflated bytes as a stream; sizes are checked against the directory while it streams. */
  open(name: string): Promise<Readable>;
  /** Closes the file and every part stream still open. */
  close(): void;
}

/**
 * Opens an archive and checks its directory before anything is inflated: a zip
 * bomb is refused unopened.
 */
export function openZip(path: string, limits: Limits): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true },
      (error, zip) => {
        if (error || !zip) {
          reject(new SpreadsheetError('damaged'));
          return;
        }
        const entries = new Map<string, yauzl.Entry>();
        const streams = new Set<Readable>();
        let total = 0;
        const fail = (problem: 'damaged' | 'zip_bomb') => {
          zip.close();
          reject(new SpreadsheetError(problem));
        };
        zip.on('entry', (entry: yauzl.Entry) => {
          total += entry.uncompressedSize;
          const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : 0;
          if (total > limits.unzippedBytes || (entry.uncompressedSize > 1_000_000 && ratio > limits.unzipRatio)) {
            fail('zip_bomb');
            return;
          }
          if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
          zip.readEntry();
        });
        zip.on('error', () => fail('damaged'));
        zip.on('end', () =>
          resolve({
            has: (name) => entries.has(name),
            open: (name) =>
              new Promise((opened, failed) => {
                const entry = entries.get(name);
                if (!entry) {
                  failed(new SpreadsheetError('damaged'));
                  return;
                }
                zip.openReadStream(entry, (problem, stream) => {
                  if (problem || !stream) {
                    failed(new SpreadsheetError('damaged'));
                    return;
                  }
                  streams.add(stream);
                  stream.once('close', () => streams.delete(stream));
                  opened(stream);
                });
              }),
            close() {
              for (const stream of streams) stream.destroy();
              zip.close();
            },
          }),
        );
        zip.readEntry();
      },
    );
  });
}
