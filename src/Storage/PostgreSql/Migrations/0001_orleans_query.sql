-- The Orleans AdoNet providers (clustering, grain storage, reminders) run no SQL of their own: when they start they
-- load every statement they will use from this table, by key (clustering and reminders read the whole table and fail
-- if one of their keys is missing; grain storage reads its four keys). So the table and column names are fixed by
-- the providers, and the texts are ours. Later migrations add the texts of each provider.
--
-- What the providers expect of a text (their half of the contract):
--   * parameters are named @Name; the providers add them by name and Npgsql binds them. Every parameter comes with a
--     DbType, so PostgreSQL always knows its type (DateTime values are timestamptz and always UTC);
--   * result columns are read by name, and Npgsql matches names case-insensitively, so the unquoted (folded to lower
--     case) identifiers below are read fine;
--   * a "did it apply" query returns one row with one integer column: greater than 0 yes, 0 no.
--
-- Texts are written with ON CONFLICT DO UPDATE, so a database that already holds the upstream scripts' texts ends up
-- with ours, and a later migration replaces a text the same way.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
