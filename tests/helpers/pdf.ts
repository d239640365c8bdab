import { extractText, getDocumentProxy } from 'unpdf';

/** The pages of a PDF as text, read by pdf.js (through unpdf): what a reader of the file would find. */
export async function pdfText(data: Uint8Array): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(data));
  const { text } = await extractText(document, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' '));
}

/** Width and height of a PNG, from its header. */
export function pngSize(data: Uint8Array): { width: number; height: number } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
