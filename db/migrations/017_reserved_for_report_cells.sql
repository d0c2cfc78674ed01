-- Placeholder on the `dash` branch only: number 017 belongs to the reports' rollup
-- (017_report_cells.sql, another branch). Delete this file when that one is merged.
SELECT 1;
