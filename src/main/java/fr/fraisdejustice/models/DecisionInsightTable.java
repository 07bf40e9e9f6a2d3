package fr.fraisdejustice.models;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/** What the insight reads of one decision table in a DMN model: its inputs, its outputs, its rules in order. */
record DecisionInsightTable(String key, String name, List<Column> inputs, List<Column> outputs, List<RuleEntries> rules,
                            List<String> requiredDecisions) {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern LITERAL = Pattern.compile(
            "\\s*(\"[^\"]*\"|-?\\d+(\\.\\d+)?|true|false|null)?\\s*");

    /** An input (its expression) or an output (its name), with its label and type. */
    record Column(String id, String label, String expression, String typeRef, String inputVariable) {
    }

    /** A rule, its id, its number in the table (from 1) and the text of each output entry. */
    record RuleEntries(String id, int index, List<String> outputEntries) {
    }

    /** The table of that decision, or null when the decision is not a table (a literal expression). */
    static DecisionInsightTable of(Decision decision) {
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            return null;
        }
        List<Column> inputs = table.getInputs().stream().map(DecisionInsightTable::input).toList();
        List<Column> outputs = table.getOutputs().stream().map(DecisionInsightTable::output).toList();
        List<RuleEntries> rules = new ArrayList<>();
        int index = 1;
        for (Rule rule : table.getRules()) {
            rules.add(new RuleEntries(rule.getId(), index++, texts(rule.getOutputEntries())));
        }
        List<String> required = decision.getInformationRequirements().stream()
                .map(InformationRequirement::getRequiredDecision)
                .filter(java.util.Objects::nonNull)
                .map(Decision::getId)
                .toList();
        return new DecisionInsightTable(decision.getId(), decision.getName(), inputs, outputs, rules, required);
    }

    static boolean isVariableName(String expression) {
        return expression != null && VARIABLE_NAME.matcher(expression.trim()).matches();
    }

    /** An output entry that reads nothing: empty, a quoted text, a number, true, false or null. */
    static boolean isLiteral(String entry) {
        return entry == null || LITERAL.matcher(entry).matches();
    }

    List<String> outputNames() {
        return outputs.stream().map(Column::id).toList();
    }

    private static Column input(Input input) {
        var expression = input.getInputExpression();
        String text = expression == null || expression.getText() == null ? null : expression.getText().getTextContent();
        return new Column(input.getId(), input.getLabel(), text == null ? null : text.trim(),
                expression == null ? null : expression.getTypeRef(), input.getCamundaInputVariable());
    }

    /** An output's id here is its name: the variable the result carries and the history records. */
    private static Column output(Output output) {
        return new Column(output.getName(), output.getLabel(), null, output.getTypeRef(), null);
    }

    private static List<String> texts(Collection<? extends LiteralExpression> entries) {
        return entries.stream()
                .map(entry -> entry.getText() == null ? "" : entry.getText().getTextContent().trim())
                .toList();
    }
}
