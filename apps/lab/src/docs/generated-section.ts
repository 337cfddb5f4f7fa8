/** The markers around a generated section of a markdown file: `<!-- generated: <name> … -->` … `<!-- end generated: <name> -->`. */
export function sectionMarkers(name: string, command: string): { begin: string; end: string } {
  return { begin: `<!-- generated: ${name} — do not edit by hand; ${command} rewrites it -->`, end: `<!-- end generated: ${name} -->` };
}

/**
 * `text` with the lines between the section's markers replaced by `content`; undefined when
 * the markers are absent (the caller says where they belong).
 */
export function replaceSection(text: string, name: string, command: string, content: string): string | undefined {
  const { begin, end } = sectionMarkers(name, command);
  const start = text.indexOf(begin);
  const stop = text.indexOf(end, start + begin.length);
  if (start < 0 || stop < 0) return undefined;
  return `${text.slice(0, start + begin.length)}\n${content.trimEnd()}\n${text.slice(stop)}`;
}
