-- Issue #9: every change to a user's power (role, enabled, password, tokens revoked) raises security_stamp; each
-- session and token checks it on every request, so a change made anywhere (page, API, CLI) takes effect at once.
alter table app_user add column security_stamp bigint default 0 not null;

-- User names are case-folded (and NFKC-normalised) from now on: fold the names stored before, where that clashes
-- with no other name. A name that would clash keeps its spelling and must be renamed by an administrator.
update app_user set username = lower(username)
	where username <> lower(username)
	and not exists (select 1 from app_user o where o.username = lower(app_user.username));
