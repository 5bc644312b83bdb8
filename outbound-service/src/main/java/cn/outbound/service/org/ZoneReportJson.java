package cn.outbound.service.org;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report to the zone as JSON, the same for the API ({@code /api/v1/reports}, {@code /api/v1/zone/reports}) and
 * {@code outbound reports list --format json}.
 */
public final class ZoneReportJson {

	private ZoneReportJson() {
	}

	public static Map<String, Object> report(ZoneReports.Report r) {
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("id", r.id());
		Map<String, Object> org = new LinkedHashMap<>();
		org.put("id", r.orgId());
		org.put("name", r.orgName());
		n.put("organisation", org);
		n.put("kind", r.kind().name());
		n.put("targetId", r.targetId());
		n.put("note", r.note());
		n.put("reportedAt", r.reportedAt().toString());
		n.put("reportedBy", r.reportedBy());
		n.put("status", r.open() ? "OPEN" : "WITHDRAWN");
		if (!r.open()) {
			n.put("withdrawnAt", r.withdrawnAt().toString());
			n.put("withdrawnBy", r.withdrawnBy());
		}
		n.put((r.kind() == ZoneReports.Kind.ASSESSMENT) ? "assessment" : "filing", r.item());
		return n;
	}

	public static Map<String, Object> list(List<ZoneReports.Report> reports) {
		List<Object> items = new ArrayList<>();
		reports.forEach(r -> items.add(report(r)));
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("items", items);
		return n;
	}

}
