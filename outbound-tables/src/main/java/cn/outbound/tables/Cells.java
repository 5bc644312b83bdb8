package cn.outbound.tables;

/**
 * The current row's cells without copying: each {@link #get(int)} is a view that stays valid only
 * until the reader moves to the next row. Exactly one cell per header column.
 */
public interface Cells {

	int size();

	/** A view of cell {@code index}; the same object is reused for that column on every row. */
	CharSequence get(int index);

	/** Cell {@code index} as a new string. */
	default String string(int index) {
		return get(index).toString();
	}

	/** Whether cell {@code index} is empty. */
	default boolean isEmpty(int index) {
		return get(index).length() == 0;
	}

}
