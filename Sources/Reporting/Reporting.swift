// Reporting: renders results as table, Markdown, CSV and JSON; never recomputes statistics.
