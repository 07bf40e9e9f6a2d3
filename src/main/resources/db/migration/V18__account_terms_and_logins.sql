-- Consent to the terms of use (« Conditions générales d'utilisation ») given at account creation: when it was given
-- (null for the accounts imported from the former portal, which never saw this page).
alter table account add column terms_accepted_at timestamptz;
-- The portal's successful logins: the last one, and the one before it, which « Dernière connexion le … » shows.
alter table account add column last_login_at timestamptz;
alter table account add column previous_login_at timestamptz;
