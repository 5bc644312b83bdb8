-- A counter every write transaction of the ledger raises (recording an event, rebuilding counts), under the ledger
-- lock. Readers that remember derived counts compare it to know, in one cheap read, whether the ledger changed;
-- it works across processes sharing the database.
alter table ledger_lock add column version bigint not null default 0;
