-- Placeholder: number 002 belongs to another branch (the city sign-in work). This file only keeps
-- the numbering gap-free on the cityrep branch; drop it when merging that branch's 002.
SELECT 1;
