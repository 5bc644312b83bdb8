-- Issue #13 items 3 and 4: the zone's statistics and the impact of a new list edition. Portable: H2 (MODE=PostgreSQL)
-- and PostgreSQL.

-- The list items of each assessment, one row each (assessment.items holds them as "20,46" for reading): zone
-- statistics count by item in SQL, with an index, instead of splitting strings over every row.
create table assessment_item (
	assessment_id bigint not null references assessment (id),
	item int not null,
	primary key (assessment_id, item)
);

create index assessment_item_item_idx on assessment_item (item, assessment_id);

-- the assessments stored before: every number 0..999 that occurs in the comma-separated list
insert into assessment_item (assessment_id, item)
select a.id, n.n
from assessment a
join (select d1.d * 100 + d2.d * 10 + d3.d as n
	from (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) d1 (d)
	cross join (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) d2 (d)
	cross join (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) d3 (d)) n
	on (',' || a.items || ',') like ('%,' || cast(n.n as varchar(4)) || ',%')
where a.items <> '';

-- The assessments a published edition decides differently (its impact analysis, re-run when it was published): what
-- each organisation's notice lists. Removed with the edition when it is withdrawn.
create table edition_impact_case (
	pack_id varchar(50) not null,
	edition varchar(50) not null,
	assessment_id bigint not null references assessment (id),
	outcome_before varchar(50) not null,
	outcome_after varchar(50) not null,
	items_changed varchar(400) not null,
	primary key (pack_id, edition, assessment_id)
);

create index edition_impact_case_assessment_idx on edition_impact_case (assessment_id);

-- The zone's statistics read a year of assessments grouped by outcome, month and organisation: a covering index lets
-- PostgreSQL answer from the index alone, without reading the rows and their scenarios.
create index assessment_zone_idx on assessment (created_at, org_id, outcome, jurisdiction, id);
