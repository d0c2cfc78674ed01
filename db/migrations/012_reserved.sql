-- Placeholder: number 012 is assigned to another branch. The loader wants 1, 2, 3 … without
-- gaps, so this keeps 013 loadable on its own. Delete this file when the real 012 is merged.
SELECT 1;
