// exceljs gives every cell a style object of its own (its row's and column's parts merged into a new
// object), so its cache by style object never hits: each cell's style was rendered to XML (font, fill,
// border, the whole style) to find its id again, a fifth of a large workbook's time. The parts are
// shared objects (the column's font, alignment, …), so the id is remembered here by the parts' identities,
// the number format and the cell type: the same ids, found without rendering anything.
// Sound because nothing changes a part once the cells hold it (exceljs and our sheets only assign new
// objects), and a part's identity is its content for the whole workbook.

/** exceljs's styles registry, as much as the memo needs of it. */
export interface StylesRegistry {
  addStyleModel(model: StyleModel | undefined, cellType?: number): number;
}

interface StyleModel {
  numFmt?: string;
  font?: object;
  border?: object;
  fill?: object;
  alignment?: object;
  protection?: object;
}

const PARTS = ['font', 'border', 'fill', 'alignment', 'protection'] as const;

/** Makes `styles.addStyleModel` find a known combination of parts by identity (see the header). */
export function rememberStyles(styles: StylesRegistry): void {
  const original = styles.addStyleModel.bind(styles);
  const partIds = new WeakMap<object, number>();
  const ids = new Map<string, number>();
  let nextPart = 0;
  // WeakMap has no size: count the parts seen.
  const partId = (part: object | undefined): number => {
    if (part === undefined) return 0;
    let id = partIds.get(part);
    if (id === undefined) {
      id = ++nextPart;
      partIds.set(part, id);
    }
    return id;
  };
  styles.addStyleModel = (model, cellType) => {
    // No model: exceljs's own answer (0), and nothing to remember.
    if (!model) return original(model, cellType);
    // The format last: it is the one free text in the key.
    let key = `${cellType ?? ''}`;
    for (const name of PARTS) key += `|${partId(model[name])}`;
    key += `|${model.numFmt ?? ''}`;
    const known = ids.get(key);
    if (known !== undefined) return known;
    const id = original(model, cellType);
    ids.set(key, id);
    return id;
  };
}
