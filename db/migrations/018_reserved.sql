-- Placeholder: number 018 belongs to another branch. This file only keeps the numbering gap-free on
-- the cityrep branch; drop it when merging that branch's 018.
SELECT 1;
