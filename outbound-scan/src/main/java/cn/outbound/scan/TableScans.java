package cn.outbound.scan;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.tables.TableSource;

/**
 * The scans of a target's tables, one {@link Scanner} each, in order: their reports and, when asked for, the persons
 * they found ({@link ScannedPersons}, for recording the export in the ledger without reading the data again).
 */
public final class TableScans {

	private final List<ScanReport> reports;

	private final List<Scanner> scanners;

	private TableScans(List<ScanReport> reports, List<Scanner> scanners) {
		this.reports = reports;
		this.scanners = scanners;
	}

	/**
	 * Scans every table, each opened and closed in turn.
	 * @param keepPersons whether to keep every person found (see {@link Scanner#retainIdentifiers})
	 */
	public static TableScans scan(List<ScanTargets.Table> tables, ScanSettings settings, boolean keepPersons)
			throws IOException, SQLException {
		List<ScanReport> reports = new ArrayList<>();
		List<Scanner> scanners = new ArrayList<>();
		for (ScanTargets.Table t : tables) {
			try (TableSource source = t.open()) {
				Scanner scanner = new Scanner(settings).retainIdentifiers(keepPersons);
				reports.add(scanner.scan(source));
				if (keepPersons) {
					scanners.add(scanner);
				}
			}
		}
		return new TableScans(List.copyOf(reports), List.copyOf(scanners));
	}

	/** The reports, one per table, in the tables' order. */
	public List<ScanReport> reports() {
		return this.reports;
	}

	/** The distinct persons of every table, classed as in the reports (empty unless the persons were kept). */
	public ScannedPersons persons() {
		return ScannedPersons.of(this.scanners);
	}

}
