package cn.outbound.filing.deadline;

import cn.outbound.rules.Text;

/**
 * An event a deadline is counted from that a person tells, e.g. {@code submitted} ("提交申报材料之日"). The ids are
 * also the names of the CLI options of {@code filing plan} ({@code --submitted DATE}).
 */
public record Event(String id, Text name) {
}
