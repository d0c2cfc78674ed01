import ExcelJS from 'exceljs';
import type { ReportTable } from './report-table.js';

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180), quotes doubled.
 * A text starting with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The table as CSV, with a byte-order mark so spreadsheet programs read the Chinese as UTF-8. */
export function reportCsv(t: ReportTable): Buffer {
  const lines = [t.header, ...t.rows].map((l) => l.map(csvField).join(','));
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The table as an XLSX workbook (exceljs): a title row, a bold frozen header, numbers as numbers. */
export async function reportXlsx(t: ReportTable, sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yizhan';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([t.title]).font = { bold: true, size: 13 };
  const header = ws.addRow(t.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const r of t.rows) ws.addRow(r.map((v) => (v === null ? '' : v)));
  t.units.forEach((u, i) => {
    const col = ws.getColumn(i + 1);
    col.width = i === 0 ? 22 : 12;
    if (u === 'minutes' || u === 'share') col.numFmt = '0.0';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
