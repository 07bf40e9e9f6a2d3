-- The business figures count mémoires per status at every scrape (operations.BusinessFigures): an index-only scan
create index memoire_by_status on memoire (status);
