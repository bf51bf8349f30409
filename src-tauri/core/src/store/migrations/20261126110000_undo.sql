-- Undo: a change set undone points at the change set that undid it.
ALTER TABLE change_set ADD COLUMN undone_by INTEGER REFERENCES change_set(id);
