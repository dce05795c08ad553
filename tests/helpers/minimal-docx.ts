import JSZip from 'jszip';

export const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * A minimal real DOCX (what Word needs at least: content types, the relationship, the body) whose
 * body holds `bodyXml`, with `parts` (a name under word/ and its XML) beside it.
 */
export function minimalDocx(bodyXml: string, parts: Record<string, string> = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${WORD_NS}"><w:body>${bodyXml}</w:body></w:document>`,
  );
  for (const [name, xml] of Object.entries(parts)) zip.file(`word/${name}`, `<?xml version="1.0" encoding="UTF-8"?>${xml}`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
