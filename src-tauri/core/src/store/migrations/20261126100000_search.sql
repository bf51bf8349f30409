-- Full-text search over the catalog (FTS5, trigram tokenizer: any 3-character substring
-- matches, so Chinese words need no segmentation). Contentless: the text lives in `resource`;
-- the store keeps this index in step on every write.
CREATE VIRTUAL TABLE resource_search USING fts5(text, content = '', contentless_delete = 1, tokenize = 'trigram');

INSERT INTO resource_search(rowid, text)
SELECT id, concat_ws(char(10), code, name,
                     json_extract(doc, '$.abstract'),
                     json_extract(doc, '$.provider_name'),
                     json_extract(doc, '$.source_business'),
                     (SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(doc, '$.items')))
FROM resource;
