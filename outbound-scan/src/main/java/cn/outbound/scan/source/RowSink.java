package cn.outbound.scan.source;

import java.util.List;

import cn.outbound.pii.io.Cells;

/** Receives a table: the header once, then each row; cells are valid only during the call. */
public interface RowSink {

	void header(List<String> names);

	void row(long number, Cells cells);

}
