package cn.outbound.service.org;

import java.time.Instant;

/**
 * An organisation of the deployment: an enterprise of the zone, or the zone administration itself.
 *
 * @param id the short id ({@link Organisations#requireId}), as {@code --org} and the API name it
 */
public record Organisation(String id, String name, Kind kind, Instant createdAt) {

	/** What an organisation is. */
	public enum Kind {

		/** An enterprise: owns assessments, drafts, filings, scans and ledger data; users ADMIN, ANALYST, VIEWER. */
		ENTERPRISE,
		/** The zone administration: owns no enterprise data; its users are REGULATORs. */
		ZONE

	}

}
