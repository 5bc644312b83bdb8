package cn.outbound.service.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import cn.outbound.rules.render.Json;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.org.Scope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Half-finished questionnaires, saved as their form fields, per user and organisation: a user moved to another
 * organisation does not take the drafts along (issue #13).
 */
public final class DraftStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	private final Writes writes;

	public DraftStore(DataSource dataSource, Writes writes) {
		this.dataSource = dataSource;
		this.writes = writes;
	}

	public record Draft(long id, String owner, String name, Instant updatedAt, Map<String, String> form) {
	}

	/**
	 * Saves a new draft or updates the owner's draft {@code id}; returns its id. The form fields are those of the
	 * questionnaire ({@code ScenarioForm}); a scan's draft comes in this way too.
	 */
	public long save(Long id, Scope scope, String name, Map<String, String> form, String remote) throws SQLException {
		Assessments.requireAnalyst(scope);
		String owner = scope.user();
		String org = scope.orgId();
		String content = Json.compact(new LinkedHashMap<String, Object>(form));
		String n = (name == null || name.isBlank()) ? "—" : ((name.length() > 200) ? name.substring(0, 200) : name);
		return this.writes.submit((c, audit) -> {
			if (id != null) {
				try (PreparedStatement ps = c.prepareStatement(
						"update draft set name = ?, form = ?, updated_at = ? where id = ? and owner = ? and org_id = ?")) {
					ps.setString(1, n);
					ps.setString(2, content);
					ps.setTimestamp(3, Timestamp.from(Instant.now()));
					ps.setLong(4, id);
					ps.setString(5, owner);
					ps.setString(6, org);
					if (ps.executeUpdate() == 1) {
						audit.append(owner, "DRAFT_SAVED", "draft:" + id, remote, null);
						return id;
					}
				}
			}
			try (PreparedStatement ps = c.prepareStatement(
					"insert into draft (owner, name, form, updated_at, org_id) values (?, ?, ?, ?, ?)",
					new String[] { "id" })) {
				ps.setString(1, owner);
				ps.setString(2, n);
				ps.setString(3, content);
				ps.setTimestamp(4, Timestamp.from(Instant.now()));
				ps.setString(5, org);
				ps.executeUpdate();
				try (ResultSet keys = ps.getGeneratedKeys()) {
					keys.next();
					long newId = keys.getLong(1);
					audit.append(owner, "DRAFT_SAVED", "draft:" + newId, remote, null);
					return newId;
				}
			}
		});
	}

	public void delete(long id, Scope scope, String remote) throws SQLException {
		String owner = scope.user();
		this.writes.submit((c, audit) -> {
			try (PreparedStatement ps = c.prepareStatement("delete from draft where id = ? and owner = ? and org_id = ?")) {
				ps.setLong(1, id);
				ps.setString(2, owner);
				ps.setString(3, scope.orgId());
				if (ps.executeUpdate() == 1) {
					audit.append(owner, "DRAFT_DELETED", "draft:" + id, remote, null);
				}
			}
			return null;
		});
	}

	@SuppressWarnings("unchecked")
	public Optional<Draft> find(long id, Scope scope) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select id, owner, name, updated_at, form from draft where id = ? and owner = ? and org_id = ?")) {
			ps.setLong(1, id);
			ps.setString(2, scope.user());
			ps.setString(3, scope.orgId());
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					return Optional.empty();
				}
				Map<String, Object> raw = JSON.readValue(rs.getString(5), Map.class);
				Map<String, String> form = new TreeMap<>();
				raw.forEach((k, v) -> form.put(k, String.valueOf(v)));
				return Optional.of(new Draft(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getTimestamp(4).toInstant(), form));
			}
		}
	}

	public List<Draft> list(Scope scope) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select id, owner, name, updated_at from draft where owner = ? and org_id = ?"
						+ " order by updated_at desc limit 50")) {
			ps.setString(1, scope.user());
			ps.setString(2, scope.orgId());
			List<Draft> out = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.add(new Draft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
							Map.of()));
				}
			}
			return out;
		}
	}

}
