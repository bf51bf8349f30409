-- Who made each change set (G Arts. 26, 32: every change has a responsible person). The name
-- is the workspace's operator (meta key `operator`) when the set was opened; older sets have none.
ALTER TABLE change_set ADD COLUMN operator TEXT;
