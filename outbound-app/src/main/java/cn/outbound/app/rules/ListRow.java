package cn.outbound.app.rules;

import java.util.List;

import cn.outbound.rules.Text;

/**
 * A category of the negative list's table with its items, as the list browser shows them.
 */
public record ListRow(Text category, List<Questionnaire.ItemQuestions> items) {
}
