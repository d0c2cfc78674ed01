-- Placeholder on the reports branch only, so that 015 runs (numbers must be contiguous).
-- DROP AT MERGE: the real 014 comes from another branch.
SELECT 1;
