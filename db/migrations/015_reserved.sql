-- Placeholder on the city branch only, so that 016 runs (numbers must be contiguous).
-- DROP AT MERGE: the real 015 comes from another branch.
SELECT 1;
