-- What the provider calls a pièce jointe (« Réquisition du 12 novembre », « Bordereau de taxis ») when he links it to a
-- line or takes it again from another mémoire of his structure (« pièces disponibles »).
alter table memoire_attachment add column designation varchar(100);
