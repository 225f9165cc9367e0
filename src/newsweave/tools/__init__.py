"""Developer tools around the report: a headless-Chromium driver and the screenshot command."""
