import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Draws the app icon from its one source, icon.svg, as the 1024-pixel PNG that
 * electron-builder turns into every platform's format (.ico, .icns, Linux sizes).
 * Rasterised by Chromium, which the tests need anyway: `npm run icons`.
 */
const folder = import.meta.dirname;
const executablePath =
  process.env.CHROMIUM_PATH ??
  execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  const svg = readFileSync(join(folder, 'icon.svg'), 'utf8');
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body></html>`,
  );
  await page.screenshot({
    path: join(folder, 'icon.png'),
    omitBackground: true,
    clip: { x: 0, y: 0, width: 1024, height: 1024 },
  });
  console.log(`written ${join(folder, 'icon.png')}`);
} finally {
  await browser.close();
}
