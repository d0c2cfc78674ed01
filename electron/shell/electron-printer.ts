import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JobProgress, Printer, PrintRequest, Submitted } from '../host/printing/printer.js';

/**
 * Electron's silent print, for terminals whose printer has no CUPS queue (Windows kiosks). The
 * page size is always given in microns: without it Chromium prints A4, even on an 80 mm roll.
 * Chromium cannot hold a job, so a crash between printing and recording the job may print it
 * once more after a restart; CUPS is the exactly-once path. Type-checked here, not run (no
 * Electron binary on the development machines).
 */
export function electronPrinter(deviceName: string): Printer {
  async function print(req: PrintRequest): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'yizhan-print-'));
    const file = join(dir, `${req.title}.pdf`);
    writeFileSync(file, req.pdf);
    const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, plugins: true } });
    try {
      await win.loadURL(pathToFileURL(file).toString());
      await new Promise<void>((resolve, reject) => {
        win.webContents.print(
          {
            silent: true,
            printBackground: true,
            ...(deviceName ? { deviceName } : {}),
            margins: { marginType: 'none' },
            pageSize: { width: req.widthMm * 1000, height: req.heightMm * 1000 },
          },
          (ok, reason) => (ok ? resolve() : reject(new Error(`print failed: ${reason}`))),
        );
      });
    } finally {
      win.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  return {
    description: `Electron ${deviceName || 'default printer'}`,
    async submit(req): Promise<Submitted> {
      await print(req);
      return { externalId: req.title, held: false };
    },
    async release() {},
    async findByTitle() {
      return null;
    },
    async progress(): Promise<JobProgress> {
      return { state: 'completed' };
    },
    async status() {
      const windows = BrowserWindow.getAllWindows();
      const printers = windows[0] ? await windows[0].webContents.getPrintersAsync() : [];
      if (deviceName && windows[0] && !printers.some((p) => p.name === deviceName)) return { status: 'offline', detail: `no printer named ${deviceName}` };
      return { status: 'ok', detail: '' };
    },
  };
}
