-- Duplicate billing (memoire.RepeatedLines): a line's repeats are found by n° d'affaire and date of service
create index memoire_line_case_and_date on memoire_line (case_number, service_date);
