"""The report: print, preview, and export to PDF or HTML."""
