package cn.outbound.rules.pack;

import cn.outbound.rules.Text;

/**
 * Citable text that is not a list item: an article of a regulation, a clause of a list's preamble, a filing guide.
 *
 * @param verbatim whether {@code text.zh} quotes the source word for word (false for Outbound's own notes)
 * @param sourceLines first and last line in the source document, or {@code null}
 */
public record Provision(String id, Text title, Text text, Text document, boolean verbatim, int[] sourceLines) {
}
