-- Reserved for another branch's migration (not yet merged); the merger deletes this placeholder.
SELECT 1;
