package cn.outbound.tables;

import java.util.List;

/**
 * A {@link TableSource} with something to say about the table as a whole once it has been read
 * (a workbook's sheets that were not read); the report lists it among its warnings.
 */
public interface SourceWarnings {

	/** Warnings for a person, without cell values; empty when there is nothing to say. */
	List<String> warnings();

}
