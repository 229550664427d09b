/// The inline stylesheet of Relief's HTML reports: a clinical look that reads on screen and prints on A4.
///
/// - Body text in a sans-serif face ("DejaVu Sans", "Liberation Sans", Arial), 10.5pt in print, at most
///   about 960px wide on screen.
/// - Tables as in SAS output: thin rules above and below the header row and under the last row, no
///   vertical lines, light grey zebra rows, numeric columns (class `num`) right-aligned with tabular
///   figures. Notes under a table use `p.table-note`.
/// - `.warning` boxes: a thick left border, light yellow background, a bold heading, and the word
///   "WARNING" generated in front of it, so a warning stays visible in greyscale print and without
///   background colours.
/// - Figures (`figure` with inline SVG and `figcaption`), the header list `dl.report-header`,
///   `.provenance` and `.methods` blocks.
/// - Print: `@page { size: A4; margin: 16mm 14mm; }`, tables and figures never split across pages,
///   headings with class `page-break` start a new page, links print as plain text.
///
/// The sheet fetches nothing (no web fonts, no images), in line with the page's Content-Security-Policy.
public enum HTMLStyleSheet {
    /// The CSS text, to be placed in a `<style>` element.
    public static let css: String = """
        :root {
          --ink: #1a1a1a;
          --muted: #555555;
          --rule: #333333;
          --zebra: #f2f2f2;
          --warning-border: #8a6d00;
          --warning-background: #fff8d6;
        }
        html { color: var(--ink); background: #ffffff; }
        body {
          font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
          font-size: 15px;
          line-height: 1.45;
          margin: 0 auto;
          padding: 24px 20px 48px 20px;
          max-width: 960px;
        }
        h1, h2, h3, h4, h5, h6 { font-weight: bold; line-height: 1.25; margin: 1.4em 0 0.5em 0; }
        h1 { font-size: 1.6em; margin-top: 0.4em; border-bottom: 2px solid var(--rule); padding-bottom: 0.2em; }
        h2 { font-size: 1.3em; border-bottom: 1px solid var(--rule); padding-bottom: 0.15em; }
        h3 { font-size: 1.1em; }
        h4, h5, h6 { font-size: 1em; }
        p { margin: 0.5em 0; }
        a { color: #0b4f8a; }
        code, kbd, samp, pre { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.92em; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; }
        .subtitle, .muted { color: var(--muted); }

        /* Key/value lists: the document header and the provenance block. */
        dl.report-header, dl.provenance {
          display: grid;
          grid-template-columns: max-content 1fr;
          column-gap: 1.2em;
          row-gap: 0.15em;
          margin: 0.6em 0 1em 0;
        }
        dl.report-header dt, dl.provenance dt { font-weight: bold; }
        dl.report-header dd, dl.provenance dd { margin: 0; overflow-wrap: anywhere; }

        /* Tables in the layout of SAS output: horizontal rules only. */
        .table-block { margin: 1em 0 1.2em 0; }
        table.report-table {
          border-collapse: collapse;
          border-top: 1.5px solid var(--rule);
          border-bottom: 1.5px solid var(--rule);
          margin: 0;
          font-size: 0.93em;
        }
        table.report-table caption {
          caption-side: top;
          text-align: left;
          font-weight: bold;
          padding: 0 0 0.35em 0;
        }
        table.report-table th, table.report-table td {
          padding: 0.22em 0.75em;
          text-align: left;
          vertical-align: top;
          border: none;
        }
        table.report-table th:first-child, table.report-table td:first-child { padding-left: 0.3em; }
        table.report-table thead th {
          border-bottom: 1px solid var(--rule);
          font-weight: bold;
          vertical-align: bottom;
        }
        table.report-table tbody tr:nth-child(even) { background: var(--zebra); }
        table.report-table .num {
          text-align: right;
          font-variant-numeric: tabular-nums;
          white-space: nowrap;
        }
        p.table-note { font-size: 0.88em; color: var(--muted); margin: 0.25em 0 0 0; }
        ul.report-notes { font-size: 0.93em; }

        /* Warnings: visible without colour (thick border, bold heading, the word WARNING). */
        .warning {
          border: 1px solid var(--warning-border);
          border-left: 6px solid var(--warning-border);
          background: var(--warning-background);
          padding: 0.6em 0.9em;
          margin: 1em 0;
        }
        .warning > h2, .warning > h3, .warning > h4, .warning > .warning-title {
          font-weight: bold;
          font-size: 1.05em;
          border: none;
          margin: 0 0 0.3em 0;
          padding: 0;
        }
        .warning > .warning-title::before { content: "WARNING: "; }
        .warning ul { margin: 0.3em 0 0 0; padding-left: 1.3em; }

        /* Figures: inline SVG plots with a caption. */
        figure { margin: 1.2em 0; }
        figure svg { display: block; max-width: 100%; height: auto; }
        figcaption { font-size: 0.9em; color: var(--muted); margin-top: 0.4em; }
        figcaption strong { color: var(--ink); }

        .methods p, .provenance p { text-align: left; }

        /* Clinical report parts: contents, parts not available, footer. */
        nav.contents { border: 1px solid var(--rule); padding: 0.4em 1em; margin: 0.8em 0 1.2em 0; }
        nav.contents .contents-title { font-weight: bold; margin: 0.2em 0; }
        nav.contents ol { margin: 0.2em 0; columns: 2; }
        p.unavailable { font-style: italic; border-left: 3px solid var(--rule); padding-left: 0.7em; }
        footer.report-footer { margin-top: 2em; border-top: 1px solid var(--rule); font-size: 0.85em; overflow-wrap: anywhere; }

        @page { size: A4; margin: 16mm 14mm; }

        @media print {
          html, body { background: #ffffff; }
          body { font-size: 10.5pt; max-width: none; padding: 0; margin: 0; }
          h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
          h2.page-break, h1.page-break, section.page-break { break-before: page; page-break-before: always; }
          table.report-table, .table-block, figure, .warning { break-inside: avoid; page-break-inside: avoid; }
          table.report-table thead { display: table-header-group; }
          table.report-table tbody tr:nth-child(even) { background: #f2f2f2; }
          a, a:visited { color: inherit; text-decoration: none; }
        }
        """
}
