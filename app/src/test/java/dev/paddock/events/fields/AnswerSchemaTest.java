package dev.paddock.events.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.fields.FieldDefinition.FieldType;
import dev.paddock.events.fields.FieldDefinition.Visibility;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnswerSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<FieldDefinition> FIELDS = List.of(
            new FieldDefinition("club", "Club", FieldType.TEXT, false, Visibility.PUBLIC, null, null, null, 20),
            new FieldDefinition("emergency", "Emergency contact", FieldType.TEXT, true, Visibility.PRIVATE, null, null,
                    null, null),
            new FieldDefinition("tshirt", "T-shirt", FieldType.CHOICE, true, Visibility.PRIVATE,
                    List.of("S", "M", "L"), null, null, null),
            new FieldDefinition("races_done", "Races done", FieldType.NUMBER, false, Visibility.PRIVATE, null, 0L, 50L,
                    null),
            new FieldDefinition("licence_until", "Licence valid until", FieldType.DATE, false, Visibility.PRIVATE, null,
                    null, null, null),
            new FieldDefinition("consent", "Rules accepted", FieldType.CONSENT, true, Visibility.PRIVATE, null, null,
                    null, null),
            new FieldDefinition("newsletter", "Newsletter", FieldType.CONSENT, false, Visibility.PRIVATE, null, null,
                    null, null));

    private static final AnswerSchema SCHEMA = AnswerSchema.of(FIELDS);

    private static final String VALID = """
            {"club":"LC Zürich","emergency":"Ann +41 79 000 00 00","tshirt":"M","races_done":3,
             "licence_until":"2027-12-31","consent":true,"newsletter":false}""";

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("all valid", VALID, List.of()),
                Arguments.of("only the required ones", """
                        {"emergency":"Ann","tshirt":"S","consent":true}""", List.of()),
                Arguments.of("optional consent left false", """
                        {"emergency":"Ann","tshirt":"S","consent":true,"newsletter":false}""", List.of()),
                Arguments.of("nothing given", "{}", List.of("answers.emergency:required", "answers.tshirt:required",
                        "answers.consent:required")),
                Arguments.of("null answers", "null", List.of("answers.emergency:required", "answers.tshirt:required",
                        "answers.consent:required")),
                Arguments.of("blank required text", """
                        {"emergency":"   ","tshirt":"S","consent":true}""", List.of("answers.emergency:required")),
                Arguments.of("text too long", """
                        {"club":"123456789012345678901","emergency":"Ann","tshirt":"S","consent":true}""",
                        List.of("answers.club:too-long")),
                Arguments.of("default max length of 200", """
                        {"emergency":"%s","tshirt":"S","consent":true}""".formatted("x".repeat(201)),
                        List.of("answers.emergency:too-long")),
                Arguments.of("text of the wrong type", """
                        {"emergency":12,"tshirt":"S","consent":true}""", List.of("answers.emergency:type")),
                Arguments.of("not one of the options", """
                        {"emergency":"Ann","tshirt":"XXL","consent":true}""", List.of("answers.tshirt:not-an-option")),
                Arguments.of("option in another case", """
                        {"emergency":"Ann","tshirt":"m","consent":true}""", List.of("answers.tshirt:not-an-option")),
                Arguments.of("number below min", """
                        {"emergency":"Ann","tshirt":"S","consent":true,"races_done":-1}""",
                        List.of("answers.races_done:too-small")),
                Arguments.of("number above max", """
                        {"emergency":"Ann","tshirt":"S","consent":true,"races_done":51}""",
                        List.of("answers.races_done:too-large")),
                Arguments.of("number at its bounds", """
                        {"emergency":"Ann","tshirt":"S","consent":true,"races_done":50}""", List.of()),
                Arguments.of("number given as text", """
                        {"emergency":"Ann","tshirt":"S","consent":true,"races_done":"3"}""",
                        List.of("answers.races_done:type")),
                Arguments.of("not a date", """
                        {"emergency":"Ann","tshirt":"S","consent":true,"licence_until":"31.12.2027"}""",
                        List.of("answers.licence_until:not-a-date")),
                Arguments.of("a day that does not exist", """
                        {"emergency":"Ann","tshirt":"S","consent":true,"licence_until":"2027-02-30"}""",
                        List.of("answers.licence_until:not-a-date")),
                Arguments.of("date given as a number", """
                        {"emergency":"Ann","tshirt":"S","consent":true,"licence_until":20271231}""",
                        List.of("answers.licence_until:type")),
                Arguments.of("required consent refused", """
                        {"emergency":"Ann","tshirt":"S","consent":false}""", List.of("answers.consent:consent")),
                Arguments.of("consent given as text", """
                        {"emergency":"Ann","tshirt":"S","consent":"yes"}""", List.of("answers.consent:type")),
                Arguments.of("unknown key", """
                        {"emergency":"Ann","tshirt":"S","consent":true,"shoe_size":44}""",
                        List.of("answers.shoe_size:unknown")),
                Arguments.of("several problems at once", """
                        {"tshirt":"XL","consent":false,"races_done":99}""",
                        List.of("answers.emergency:required", "answers.tshirt:not-an-option",
                                "answers.consent:consent", "answers.races_done:too-large")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void checksEachAnswerAgainstItsField(String name, String answers, List<String> expected) {
        List<FieldProblem> problems = SCHEMA.problems("answers", JSON.readTree(answers));
        assertThat(problems).extracting(p -> p.field() + ":" + p.code()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    @Test
    void answersThatAreNotAnObjectAreRefusedAsAWhole() {
        assertThat(SCHEMA.problems("members[1].answers", JSON.readTree("[1,2]")))
                .extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("members[1].answers", "type"));
    }

    @Test
    void messagesNameTheFieldAndTheRule() {
        List<FieldProblem> problems = SCHEMA.problems("answers", JSON.readTree("""
                {"emergency":"Ann","tshirt":"XL","consent":false}"""));
        assertThat(problems).extracting(FieldProblem::message)
                .containsExactlyInAnyOrder("T-shirt must be one of: S, M, L", "Rules accepted must be accepted");
    }

    @Test
    void aRaceWithoutFieldsTakesOnlyAnEmptyObject() {
        AnswerSchema none = AnswerSchema.of(List.of());
        assertThat(none.problems("answers", JSON.readTree("{}"))).isEmpty();
        assertThat(none.problems("answers", JSON.readTree("{\"club\":\"x\"}"))).extracting(FieldProblem::code)
                .containsExactly("unknown");
    }

    @Test
    void theSchemaIsADraft202012DocumentClosedToOtherKeys() {
        JsonNode json = AnswerSchema.schemaOf(FIELDS);
        assertThat(json.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(json.get("additionalProperties").asBoolean()).isFalse();
        assertThat(json.get("required")).extracting(JsonNode::asString)
                .containsExactly("emergency", "tshirt", "consent");
        assertThat(json.at("/properties/tshirt/enum")).extracting(JsonNode::asString).containsExactly("S", "M", "L");
        assertThat(json.at("/properties/consent/const").asBoolean()).isTrue();
        assertThat(json.at("/properties/newsletter/const").isMissingNode()).isTrue();
    }

    @Test
    void aRaceVersionIsCompiledOnceAndANewVersionAgain() {
        AnswerSchemas schemas = new AnswerSchemas();
        UUID race = UUID.randomUUID();
        AnswerSchema first = schemas.of(race, 1, FIELDS);
        assertThat(schemas.of(race, 1, List.copyOf(FIELDS))).isSameAs(first);
        assertThat(schemas.of(race, 2, FIELDS)).isNotSameAs(first);
        assertThat(schemas.of(race, 1, FIELDS.subList(0, 2))).as("other fields under a stale version")
                .isNotSameAs(first);
    }
}
