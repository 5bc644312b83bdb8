-- Issue #13 item 3: the zone's statistics read tallies kept with each assessment (AssessmentTallies) instead of
-- grouping a year of assessments. Filled from the assessments already stored by the Java migration that follows
-- (V9, AssessmentTallyBackfill). Portable: H2 (MODE=PostgreSQL) and PostgreSQL.

-- per year (Beijing time), month, organisation, outcome and jurisdiction
create table assessment_tally (
	tally_year int not null,
	tally_month int not null,
	org_id varchar(40) not null references organisation (id),
	outcome varchar(50) not null,
	jurisdiction varchar(50) not null,
	assessments bigint not null,
	primary key (tally_year, tally_month, org_id, outcome, jurisdiction)
);

-- per year, organisation, jurisdiction and the set of list items an assessment named ("20,46", or empty): a category
-- depends on the edition read, and counts an assessment once however many of its items it names
create table assessment_items_tally (
	tally_year int not null,
	org_id varchar(40) not null references organisation (id),
	jurisdiction varchar(50) not null,
	items varchar(400) not null,
	assessments bigint not null,
	primary key (tally_year, org_id, jurisdiction, items)
);

-- the items of each assessment, one row each (V7), were read by the zone's statistics only: the tallies replace them
drop table assessment_item;

-- and the covering index the statistics' grouped scans read (V7): nothing reads it now, every assessment wrote it
drop index assessment_zone_idx;
