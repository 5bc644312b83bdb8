-- Issue #13 (6): several servers on one database. What one instance kept in its memory is kept here, so that the
-- next request may land on any instance. Portable: H2 (MODE=PostgreSQL) and PostgreSQL.

-- Browser sessions (Spring Session JDBC, cn.outbound.app.system.SessionConfiguration): the tables of its own
-- schema-postgresql.sql, created here rather than by its initializer.
create table spring_session (
	primary_id char(36) not null,
	session_id char(36) not null,
	creation_time bigint not null,
	last_access_time bigint not null,
	max_inactive_interval int not null,
	expiry_time bigint not null,
	principal_name varchar(100),
	constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
	session_primary_id char(36) not null,
	attribute_name varchar(200) not null,
	attribute_bytes bytea not null,
	constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
	constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
		on delete cascade
);

-- Failed sign-ins within the throttle's window (cn.outbound.app.system.SignInThrottle). The subject is the SHA-256 of
-- the account name or client address, never what was typed.
create table sign_in_failure (
	kind varchar(10) not null,
	subject char(64) not null,
	at_millis bigint not null
);

create index sign_in_failure_subject_idx on sign_in_failure (kind, subject, at_millis);
create index sign_in_failure_at_idx on sign_in_failure (at_millis);

-- What one request leaves for the next (cn.outbound.app.web.ShortTermStore): a scan report, a rule-pack edition
-- checked and waiting to be published, questionnaire answers kept over a sign-in.
create table short_term_entry (
	id char(32) primary key,
	store varchar(40) not null,
	owner varchar(100) not null,
	expires_millis bigint not null,
	content bytea not null
);

create index short_term_entry_store_idx on short_term_entry (store, expires_millis);

-- Leases of cluster-wide jobs (cn.outbound.app.system.ClusterLease): the instance whose lease is current runs the job.
create table cluster_lease (
	name varchar(60) primary key,
	holder varchar(200) not null,
	until_millis bigint not null
);

-- Versions of what every instance holds in memory and must reload when another instance changes it: the published
-- rule-pack editions (cn.outbound.app.rules.PublishedEditions raises 'rule-packs' in the transaction that publishes
-- or withdraws one; each instance compares it once per request).
create table shared_version (
	name varchar(60) primary key,
	version bigint not null
);

insert into shared_version (name, version) values ('rule-packs', 0);
