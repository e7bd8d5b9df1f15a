package dev.spendlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.MatchOption;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExpressionJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExpressionJson parser = new ExpressionJson(new FieldParser(List.of("team", "cost-center")));

    private Expression parse(String json) throws Exception {
        return parser.parse(JSON.readTree(json), "Filter");
    }

    @Test
    void readsTheFilterAnAwsCliUserWouldPaste() throws Exception {
        Expression expression = parse("""
                {"And": [
                  {"Dimensions": {"Key": "LINKED_ACCOUNT", "Values": ["222222222222"]}},
                  {"Not": {"Tags": {"Key": "iamPrincipal/team", "MatchOptions": ["ABSENT"]}}},
                  {"Or": [
                    {"Dimensions": {"Key": "team", "Values": ["search"], "MatchOptions": ["EQUALS", "CASE_INSENSITIVE"]}},
                    {"CostCategories": {"Key": "BusinessUnit", "Values": ["AI"]}}]}]}""");

        Expression.And and = (Expression.And) expression;
        assertThat(and.operands()).hasSize(3);
        Expression.Match account = (Expression.Match) and.operands().get(0);
        assertThat(account.field()).isEqualTo(new Field.Builtin(dev.spendlens.costquery.Dimension.LINKED_ACCOUNT));
        Expression.Match absent = (Expression.Match) ((Expression.Not) and.operands().get(1)).operand();
        assertThat(absent.options()).containsExactly(MatchOption.ABSENT);
        Expression.Or or = (Expression.Or) and.operands().get(2);
        assertThat(((Expression.Match) or.operands().get(0)).field()).isEqualTo(new Field.Allocation("team"));
        assertThat(((Expression.Match) or.operands().get(1)).field()).isEqualTo(new Field.Tag("costCategory/BusinessUnit"));
    }

    @Test
    void anUnprefixedTagKeyIsAUserDefinedResourceTag() throws Exception {
        Expression.Match match = (Expression.Match) parse("{\"Tags\": {\"Key\": \"team\", \"Values\": [\"\"]}}");

        assertThat(match.field()).isEqualTo(new Field.Tag("resourceTags/team"));
        assertThat(match.options()).contains(MatchOption.ABSENT);
    }

    @Test
    void errorsNameThePathOfTheBadPart() {
        assertThatThrownBy(() -> parse("{\"And\": [{\"Dimensions\": {\"Key\": \"REGION\", \"Values\": [\"us-east-1\"]}}, {\"Dimensions\": {\"Key\": \"TEAMZ\", \"Values\": [\"x\"]}}]}"))
                .isInstanceOf(SpendlensException.class)
                .hasMessageStartingWith("Filter.And[1].Dimensions.Key: unknown dimension 'TEAMZ'")
                .satisfies(e -> assertThat(((SpendlensException) e).code()).isEqualTo(ErrorCode.INVALID_FILTER));
        assertThatThrownBy(() -> parse("{\"Dimensions\": {\"Key\": \"REGION\"}, \"Tags\": {\"Key\": \"a\"}}"))
                .hasMessageContaining("Filter must have exactly one of");
        assertThatThrownBy(() -> parse("{\"Or\": [{\"Dimensions\": {\"Key\": \"REGION\", \"Values\": [\"x\"]}}]}"))
                .hasMessageContaining("Filter.Or must be an array of at least two expressions");
        assertThatThrownBy(() -> parse("{\"Dimensions\": {\"Key\": \"REGION\", \"Values\": [\"x\"], \"MatchOptions\": [\"FUZZY\"]}}"))
                .hasMessageContaining("Filter.Dimensions.MatchOptions[0]");
        assertThatThrownBy(() -> parse("{\"Dimensions\": {\"Key\": \"REGION\", \"Value\": [\"x\"]}}"))
                .hasMessageContaining("Filter.Dimensions.Value is not a field");
    }
}
