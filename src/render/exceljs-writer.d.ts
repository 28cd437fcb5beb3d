// exceljs's streaming workbook writer on its own (render/xlsx.ts, review-xlsx.ts): the package's entry
// also loads its workbook model and its readers (unzipper, binary, chainsaw…), which writing never needs.
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type ExcelJS from 'exceljs';

  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
