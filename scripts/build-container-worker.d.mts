/** Bundles the format 3 backup worker into `outDir` and returns the file's path. */
export function buildContainerWorker(root: string, outDir: string): Promise<string>;
/** Bundles the text worker (pdf.js, mammoth) into `outDir` and returns the file's path. */
export function buildTextWorker(root: string, outDir: string): Promise<string>;
