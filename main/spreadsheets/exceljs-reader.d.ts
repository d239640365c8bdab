/**
 * ExcelJS's streaming workbook reader on its own, without the rest of ExcelJS
 * (the writers, jszip, archiver): the spreadsheet worker loads in about half the time.
 */
declare module 'exceljs/lib/stream/xlsx/workbook-reader.js' {
  import type ExcelJS from 'exceljs';

  const WorkbookReader: typeof ExcelJS.stream.xlsx.WorkbookReader;
  export default WorkbookReader;
}
