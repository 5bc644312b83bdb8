package cn.outbound.tables;

import java.util.List;

/** Receives a table: the header once, then each row; cells are valid only during the call. */
public interface RowSink {

	void header(List<String> names);

	void row(long number, Cells cells);

}
